package ballast.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A state's data that vary by calendar year (from the state-year panel): named columns of numbers,
 * one value per year from {@code firstYear}, {@code NaN} where the record has none. Yes/no columns
 * hold 1 and 0.
 *
 * <p>{@link #value} carries the latest known value forward (a run goes on past the end of the
 * panel) and, before the first known value, the earliest one back. The model asks for the year
 * before the simulated one: a covariate is known a year late.
 *
 * @param firstYear the calendar year of each column's first value
 * @param columns the values by column name, every array of the same length
 */
public record YearlyData(int firstYear, Map<String, double[]> columns) {
    /** GDP, current US$ millions (World Bank WDI NY.GDP.MKTP.CD / 1e6). */
    public static final String GDP = "gdp_usd_millions";
    /** Population, mid-year (World Bank WDI SP.POP.TOTL). */
    public static final String POPULATION = "population";
    /** 1 if a Compact of Free Association with the US was in force on 1 January. */
    public static final String US_FREE_ASSOCIATION = "us_free_association";

    public YearlyData {
        Map<String, double[]> copy = new LinkedHashMap<>();
        int length = -1;
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (length >= 0 && e.getValue().length != length) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length
                        + " years, others " + length);
            }
            length = e.getValue().length;
            copy.put(e.getKey(), e.getValue().clone());
        }
        columns = Collections.unmodifiableMap(copy);
    }

    /** Returns the column names. */
    public Set<String> names() {
        return columns.keySet();
    }

    /** Returns the number of years. */
    public int years() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().length;
    }

    /** Returns the last year with a value in any column. */
    public int lastYear() {
        return firstYear + years() - 1;
    }

    /**
     * Returns {@code column}'s value for {@code year}: the latest value at or before it, else the
     * earliest after it; {@code fallback} if the column is absent or has no value at all.
     */
    public double value(String column, int year, double fallback) {
        double[] v = columns.get(column);
        if (v == null) {
            return fallback;
        }
        int i = Math.min(year - firstYear, v.length - 1);
        for (int k = i; k >= 0; k--) {
            if (!Double.isNaN(v[k])) {
                return v[k];
            }
        }
        for (int k = Math.max(i + 1, 0); k < v.length; k++) {
            if (!Double.isNaN(v[k])) {
                return v[k];
            }
        }
        return fallback;
    }

    /** Returns a copy that keeps only the years up to {@code lastYear} (the rest are unknown). */
    public YearlyData through(int lastYear) {
        int keep = Math.max(0, Math.min(years(), lastYear - firstYear + 1));
        Map<String, double[]> cut = new LinkedHashMap<>();
        columns.forEach((k, v) -> cut.put(k, Arrays.copyOf(v, keep)));
        return new YearlyData(firstYear, cut);
    }

    /** Returns a copy of one column's values, or null. */
    public double[] column(String name) {
        double[] v = columns.get(name);
        return v == null ? null : v.clone();
    }

    @Override
    public Map<String, double[]> columns() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        columns.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof YearlyData y) || y.firstYear != firstYear || !y.columns.keySet().equals(columns.keySet())) {
            return false;
        }
        for (String k : columns.keySet()) {
            if (!Arrays.equals(columns.get(k), y.columns.get(k))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = firstYear;
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            h = 31 * h + e.getKey().hashCode() + Arrays.hashCode(e.getValue());
        }
        return h;
    }
}
