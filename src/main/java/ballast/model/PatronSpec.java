package ballast.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One external actor.
 *
 * @param id scenario key, e.g. {@code prc}, {@code japan}
 * @param role what it does in the model
 * @param side the side it supports
 * @param strategy strategy name, e.g. {@code cheapest-flip}; see {@link Strategies}
 * @param budgetUsdMillionsPerYear money it spends per year (offers and aid, or engagement), &ge; 0
 * @param aidShare share of a recogniser's budget spent as aid to its own recognisers, in [0, 1];
 *     the rest is offered to the rival's
 * @param engagementHalfLifeMonths half-life of a partner's engagement, &gt; 0
 * @param usdMillionsPerEngagementPoint what one engagement point costs a partner's {@code ballast} strategy, &gt; 0
 * @param engagementScale multiplier on every engagement a partner makes (1 = as recorded), &ge; 0
 * @param backing a backer's backing level for Taipei's allies, in [0, 1]
 * @param active whether the patron acts at all (a truce switches the PRC's offers off)
 * @param targets which states its strategy may spend on, back or engage ({@link Targets#ALL}: every state)
 * @param earmarksUsdMillionsPerYear US$ millions a year for named states (ISO3 code to amount, each
 *     &ge; 0), paid on top of the budget whatever the strategy does: a recogniser's earmark is aid
 *     while the state recognises it and an offer while the state recognises the rival; a partner's
 *     buys engagement with the state while the state is on the partner's side. Backers have none.
 */
public record PatronSpec(
        String id,
        PatronRole role,
        Side side,
        String strategy,
        double budgetUsdMillionsPerYear,
        double aidShare,
        double engagementHalfLifeMonths,
        double usdMillionsPerEngagementPoint,
        double engagementScale,
        double backing,
        boolean active,
        Targets targets,
        Map<String, Double> earmarksUsdMillionsPerYear) {

    public PatronSpec {
        Checks.present("id", id);
        Checks.present("role", role);
        Checks.present("side", side);
        Checks.present("strategy", strategy);
        Checks.atLeast("budgetUsdMillionsPerYear", budgetUsdMillionsPerYear, 0);
        Checks.between("aidShare", aidShare, 0, 1);
        Checks.positive("engagementHalfLifeMonths", engagementHalfLifeMonths);
        Checks.positive("usdMillionsPerEngagementPoint", usdMillionsPerEngagementPoint);
        Checks.atLeast("engagementScale", engagementScale, 0);
        Checks.between("backing", backing, 0, 1);
        if (!Strategies.isKnown(role, strategy)) {
            throw new IllegalArgumentException("strategy '" + strategy + "' is not one of "
                    + Strategies.namesFor(role) + " for a " + role.code());
        }
        Checks.present("targets", targets);
        earmarksUsdMillionsPerYear = checkEarmarks(earmarksUsdMillionsPerYear);
        if (role == PatronRole.BACKER && !earmarksUsdMillionsPerYear.isEmpty()) {
            throw new IllegalArgumentException("a backer spends no money, so it has no earmarks");
        }
    }

    /** A patron aimed at every state, with no earmarks. */
    public PatronSpec(String id, PatronRole role, Side side, String strategy, double budgetUsdMillionsPerYear,
            double aidShare, double engagementHalfLifeMonths, double usdMillionsPerEngagementPoint,
            double engagementScale, double backing, boolean active) {
        this(id, role, side, strategy, budgetUsdMillionsPerYear, aidShare, engagementHalfLifeMonths,
                usdMillionsPerEngagementPoint, engagementScale, backing, active, Targets.ALL, Map.of());
    }

    /** Returns an unmodifiable copy of {@code earmarks} in its own order, each amount checked. */
    static Map<String, Double> checkEarmarks(Map<String, Double> earmarks) {
        Map<String, Double> copy = new LinkedHashMap<>();
        Checks.present("earmarks", earmarks).forEach((code, amount) -> {
            Checks.present("earmark's state", code);
            copy.put(code, Checks.atLeast("earmark for " + code, Checks.present("earmark for " + code, amount), 0));
        });
        return Collections.unmodifiableMap(copy);
    }
}
