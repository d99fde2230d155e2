package ballast.model;

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
        boolean active) {

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
    }
}
