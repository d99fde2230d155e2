package ballast.model;

import java.time.YearMonth;

/**
 * The fixed attributes of one state at the start of a run.
 *
 * @param code ISO 3166-1 alpha-3 code, e.g. {@code GTM}
 * @param name English short name
 * @param region region used for contagion links, e.g. {@code latin-america-caribbean}
 * @param gdpUsdMillions GDP in current US$ millions, &ge; 0 (0 where not applicable: the Holy See)
 * @param population residents, &ge; 0
 * @param initialSide the government it recognises at the start
 * @param prcExposure economic exposure to the PRC (trade, debt, investment) in [0, 1]
 * @param affinity structural affinity to Taipei, in log-hazard units (positive holds it to Taipei)
 * @param offerSensitivity multiplier on the offer and fragility terms, &ge; 0 (the Holy See is near 0)
 * @param stance current government's stance toward Taipei in [-1, 1]
 * @param oppositionStance the alternative government's stance in [-1, 1]; taken up when a government changes
 * @param fragility proneness to crises in [0, 1]; scales how open the state is to a large offer
 * @param governmentChangeProbability probability that an election changes the government, in [0, 1]
 * @param nextElection month of the next scheduled national election, or {@code null} if none is scheduled
 * @param termMonths months between scheduled elections, 0 if there is no election calendar
 * @param lastGovernmentChange month of the last change of government, or {@code null} if unknown
 * @param record what the historical record says of it (yearly data, prior ties to Beijing, recorded
 *     changes of government); {@link StateRecord#NONE} if nothing
 */
public record CountrySpec(
        String code,
        String name,
        String region,
        double gdpUsdMillions,
        double population,
        Side initialSide,
        double prcExposure,
        double affinity,
        double offerSensitivity,
        double stance,
        double oppositionStance,
        double fragility,
        double governmentChangeProbability,
        YearMonth nextElection,
        int termMonths,
        YearMonth lastGovernmentChange,
        StateRecord record) {

    public CountrySpec {
        Checks.present("record", record);
        Checks.present("code", code);
        Checks.present("name", name);
        Checks.present("region", region);
        Checks.present("initialSide", initialSide);
        Checks.atLeast("gdpUsdMillions", gdpUsdMillions, 0);
        Checks.atLeast("population", population, 0);
        Checks.between("prcExposure", prcExposure, 0, 1);
        Checks.finite("affinity", affinity);
        Checks.atLeast("offerSensitivity", offerSensitivity, 0);
        Checks.between("stance", stance, -1, 1);
        Checks.between("oppositionStance", oppositionStance, -1, 1);
        Checks.between("fragility", fragility, 0, 1);
        Checks.between("governmentChangeProbability", governmentChangeProbability, 0, 1);
        if (termMonths < 0) {
            throw new IllegalArgumentException("termMonths must be at least 0, got " + termMonths);
        }
    }

    /** A state with no historical record: constant figures, elections from the calendar only. */
    public CountrySpec(String code, String name, String region, double gdpUsdMillions, double population,
            Side initialSide, double prcExposure, double affinity, double offerSensitivity, double stance,
            double oppositionStance, double fragility, double governmentChangeProbability, YearMonth nextElection,
            int termMonths, YearMonth lastGovernmentChange) {
        this(code, name, region, gdpUsdMillions, population, initialSide, prcExposure, affinity, offerSensitivity,
                stance, oppositionStance, fragility, governmentChangeProbability, nextElection, termMonths,
                lastGovernmentChange, StateRecord.NONE);
    }
}
