package ballast.output.table;

import java.util.List;

/**
 * The column names of the CSV tables Ballast writes, in one place: the table writers print them and
 * every reader (the chart package, which redraws charts from saved tables) looks them up here, so a
 * renamed column is a compile error in the reader rather than a chart that fails on a user's folder.
 * File names live beside their writer ({@link BatchTables#COUNTRIES}, {@link SweepTables#SWEEP}, ...).
 */
public final class Columns {
    // Shared by several tables.
    public static final String MONTH = "month";
    public static final String COUNTRY = "country";
    public static final String NAME = "name";
    public static final String REPLICATIONS = "replications";
    public static final String SCENARIO = "scenario";

    // allies_by_month.csv (quantile columns: allies_ + QUANTILES), allies_distribution.csv
    public static final String ALLIES = "allies";
    public static final String ALLIES_MEAN = "allies_mean";
    public static final String ALLIES_MIN = "allies_min";
    public static final String ALLIES_MAX = "allies_max";
    public static final String RUNS = "runs";
    public static final String SHARE_OF_RUNS = "share_of_runs";

    // shares_by_month.csv (quantile columns: share_ + QUANTILES)
    public static final String MEASURE = "measure";
    public static final String SHARE_MEAN = "share_mean";
    /** Values of {@link #MEASURE} in {@code shares_by_month.csv}. */
    public static final String GDP = "gdp";
    public static final String POPULATION = "population";

    // countries.csv
    public static final String INITIAL_SIDE = "initial_side";
    public static final String P_TAIPEI_AT_HORIZON = "p_taipei_at_horizon";
    public static final String P_TAIPEI_CI95_LOW = "p_taipei_ci95_low";
    public static final String P_TAIPEI_CI95_HIGH = "p_taipei_ci95_high";
    public static final String P_SWITCHED = "p_switched";
    public static final String FIRST_SWITCH_MONTHS_Q25 = "first_switch_months_q25";
    public static final String FIRST_SWITCH_MONTHS_MEDIAN = "first_switch_months_median";
    public static final String FIRST_SWITCH_MONTHS_Q75 = "first_switch_months_q75";
    public static final String SWITCHES_TO_PRC_PER_RUN = "switches_to_prc_per_run";
    public static final String SWITCHES_TO_ROC_PER_RUN = "switches_to_roc_per_run";

    // survival.csv, first_switch.csv
    public static final String RUNS_WITH_TAIPEI = "runs_with_taipei";
    public static final String SHARE_WITH_TAIPEI = "share_with_taipei";
    public static final String MONTHS_FROM_START = "months_from_start";
    public static final String RUNS_FIRST_SWITCHING = "runs_first_switching";

    // switch_terms.csv
    public static final String DIRECTION = "direction";
    public static final String SWITCHES = "switches";
    public static final String TERM = "term";
    public static final String SIDE_OF_RULE = "side_of_rule";
    public static final String MEAN_LOG_HAZARD_UNITS = "mean_log_hazard_units";

    // sweep.csv (after "point" and the factors' paths: SweepTables.OUTPUT_COLUMNS)
    public static final String POINT = "point";
    public static final String ALLIES_MEAN_SE = "allies_mean_se";
    public static final String GDP_SHARE_MEAN = "gdp_share_mean";
    public static final String GDP_SHARE_SD = "gdp_share_sd";

    // sensitivity.csv
    public static final String OUTPUT = "output";
    public static final String PARAMETER = "parameter";
    public static final String LOW = "low";
    public static final String HIGH = "high";
    public static final String VALUE = "value";
    public static final String CI95_LOW = "ci95_low";
    public static final String CI95_HIGH = "ci95_high";

    // backtest_allies.csv (model quantile columns: model_ + QUANTILES)
    public static final String ALLIES_REAL = "allies_real";
    public static final String MODEL_MEAN = "model_mean";
    public static final String BASELINE_MEAN = "baseline_mean";
    public static final String BASELINE_Q10 = "baseline_q10";
    public static final String BASELINE_Q90 = "baseline_q90";
    public static final String FORECAST_START = "forecast_start";

    // backtest_calibration.csv (read by the reliability diagram)
    public static final String FORECASTER = "forecaster";
    public static final String COUNTRY_YEARS = "country_years";
    public static final String MEAN_FORECAST = "mean_forecast";
    public static final String OBSERVED_SHARE = "observed_share";
    public static final String OBSERVED_CI95_LOW = "observed_ci95_low";
    public static final String OBSERVED_CI95_HIGH = "observed_ci95_high";

    // compare.csv, compare_paths.csv
    public static final String SOURCE = "source";
    public static final String HORIZON_MONTH = "horizon_month";
    public static final String ALLIES_MEAN_CI95_LOW = "allies_mean_ci95_low";
    public static final String ALLIES_MEAN_CI95_HIGH = "allies_mean_ci95_high";

    // compare_states.csv: a scenario against the reference, per state
    public static final String REFERENCE = "reference";
    public static final String RUNS_TAIPEI_IN_BOTH = "runs_taipei_in_both";
    public static final String RUNS_TAIPEI_IN_REFERENCE_ONLY = "runs_taipei_in_reference_only";
    public static final String RUNS_TAIPEI_IN_SCENARIO_ONLY = "runs_taipei_in_scenario_only";
    public static final String RUNS_TAIPEI_IN_NEITHER = "runs_taipei_in_neither";
    public static final String P_TAIPEI_REFERENCE = "p_taipei_reference";
    public static final String P_TAIPEI_SCENARIO = "p_taipei_scenario";
    public static final String P_TAIPEI_CHANGE = "p_taipei_change";
    public static final String P_TAIPEI_CHANGE_CI95_LOW = "p_taipei_change_ci95_low";
    public static final String P_TAIPEI_CHANGE_CI95_HIGH = "p_taipei_change_ci95_high";

    // compare_allies_change.csv: a scenario against the reference, allies at the horizon
    public static final String ALLIES_MEAN_REFERENCE = "allies_mean_reference";
    public static final String ALLIES_MEAN_SCENARIO = "allies_mean_scenario";
    public static final String ALLIES_CHANGE_SUM = "allies_change_sum";
    public static final String ALLIES_CHANGE_SUM_OF_SQUARES = "allies_change_sum_of_squares";
    public static final String ALLIES_CHANGE_MEAN = "allies_change_mean";
    public static final String ALLIES_CHANGE_SD = "allies_change_sd";
    public static final String ALLIES_CHANGE_CI95_LOW = "allies_change_ci95_low";
    public static final String ALLIES_CHANGE_CI95_HIGH = "allies_change_ci95_high";

    /** Prefixes of the quantile columns of allies_by_month.csv, shares_by_month.csv and backtest_allies.csv. */
    public static final String ALLIES_PREFIX = "allies_";
    public static final String SHARE_PREFIX = "share_";
    public static final String MODEL_PREFIX = "model_";

    /**
     * Suffixes of the quantile columns, in the order of {@link BatchTables#QUANTILES}: the 95%, 80% and
     * 50% bands and the median ({@code allies_q025}, ..., {@code allies_q975}).
     */
    public static final List<String> QUANTILES = List.of("q025", "q10", "q25", "median", "q75", "q90", "q975");

    private Columns() {
    }

    /** Returns the quantile columns with {@code prefix}, e.g. {@code allies_q025} ... {@code allies_q975}. */
    public static List<String> quantiles(String prefix) {
        return QUANTILES.stream().map(q -> prefix + q).toList();
    }
}
