package ballast.model;

import java.util.List;

/**
 * Which states a patron's own spending may reach: every state ({@link #ALL}), only the states named
 * ({@code include}), or every state but those named ({@code exclude}). A name is a state's ISO3 code
 * or a region (as in the countries table, e.g. {@code pacific}), so "the US backs only the Pacific
 * allies" is {@code include: [pacific]}. Targets aim a strategy's allocation, a partner's bought
 * engagement and a backer's backing; earmarks and scheduled engagements are explicit and are not
 * filtered.
 *
 * @param include true: only the named states; false: all but the named states
 * @param names ISO3 codes and region names, in the order written
 */
public record Targets(boolean include, List<String> names) {
    /** No restriction: every state (an empty exclude list). */
    public static final Targets ALL = new Targets(false, List.of());

    public Targets {
        names = List.copyOf(Checks.present("names", names));
    }

    /** Returns whether {@code state} is aimed at. */
    public boolean aims(CountrySpec state) {
        return include == (names.contains(state.code()) || names.contains(state.region()));
    }

    /** Returns {@code include: [A, B]} or {@code exclude: [A, B]}, as written in a scenario. */
    @Override
    public String toString() {
        return (include ? "include" : "exclude") + ": [" + String.join(", ", names) + "]";
    }
}
