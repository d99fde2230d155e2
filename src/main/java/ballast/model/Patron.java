package ballast.model;

import java.util.Map;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * An external actor: the PRC, the ROC, Japan, the USA or another partner. Each tick it lets its
 * {@link Strategy} spend its budget on the states it aims at ({@link Targets}), pays its earmarks,
 * and reports what it spent to the model's record. A partner also holds an engagement stock per
 * state that halves every {@code engagementHalfLifeMonths}.
 */
public final class Patron implements Steppable {
    private static final long serialVersionUID = 1L;

    private final RecognitionModel model;
    private final int index;
    private final PatronSpec spec;
    private final Side side;
    private final Strategy strategy;
    private final double[] engagement;
    private final double decayPerTick;
    private final double dtYears;
    // Per state: aimed at by the current targets; earmark, US$ m a year.
    private final boolean[] aims;
    private final double[] earmark;
    // A partner's flows in the current tick, per state: engagement points added (after the scale,
    // bought and scheduled) and US$ m a year spent buying them. Reset when the patron reports them.
    private final double[] pointsThisTick;
    private final double[] usdThisTick;

    private double budgetUsdMillionsPerYear;
    private double engagementScale;
    private double backing;
    private boolean active;
    private boolean anyEarmark;

    Patron(RecognitionModel model, int index, PatronSpec spec, int countries, int tickMonths) {
        this.model = model;
        this.index = index;
        this.spec = spec;
        this.side = spec.side();
        this.strategy = Strategies.forName(spec.strategy());
        this.engagement = new double[countries];
        this.decayPerTick = Math.pow(0.5, tickMonths / spec.engagementHalfLifeMonths());
        this.dtYears = tickMonths / 12.0;
        this.aims = new boolean[countries];
        this.earmark = new double[countries];
        this.pointsThisTick = new double[countries];
        this.usdThisTick = new double[countries];
    }

    void reset() {
        budgetUsdMillionsPerYear = spec.budgetUsdMillionsPerYear();
        engagementScale = spec.engagementScale();
        backing = spec.backing();
        active = spec.active();
        java.util.Arrays.fill(engagement, 0.0);
        java.util.Arrays.fill(pointsThisTick, 0.0);
        java.util.Arrays.fill(usdThisTick, 0.0);
        aimAt(spec.targets());
        java.util.Arrays.fill(earmark, 0.0);
        setEarmarks(spec.earmarksUsdMillionsPerYear());
    }

    @Override
    public void step(SimState state) {
        strategy.act(model, this);
        if (anyEarmark && active) {
            payEarmarks();
        }
        model.recordMoney(this, pointsThisTick, usdThisTick);
        if (spec.role() == PatronRole.PARTNER) {
            java.util.Arrays.fill(pointsThisTick, 0.0);
            java.util.Arrays.fill(usdThisTick, 0.0);
        }
    }

    /** Adds each earmark to what the strategy gave: aid or offer for a recogniser, engagement for a partner. */
    private void payEarmarks() {
        for (int i = 0; i < earmark.length; i++) {
            double e = earmark[i];
            if (e == 0.0) {
                continue;
            }
            Country c = model.country(i);
            boolean own = c.side() == spec.side();
            if (spec.role() == PatronRole.RECOGNISER) {
                if (own) {
                    c.setAidUsdMillions(c.aidUsdMillions() + e);
                } else {
                    c.setOfferUsdMillions(c.offerUsdMillions() + e);
                }
            } else if (spec.role() == PatronRole.PARTNER && own) {
                buyEngagement(i, e * dtYears / spec.usdMillionsPerEngagementPoint(), e);
                c.refreshEngagement();
            }
        }
    }

    /** Ages the engagement stock by one tick. */
    void decayEngagement() {
        for (int i = 0; i < engagement.length; i++) {
            engagement[i] *= decayPerTick;
        }
    }

    /**
     * Adds an engagement worth {@code points} (before the patron's scale), aged {@code ageMonths}.
     * An engagement made now ({@code ageMonths} 0) counts in this tick's recorded flow.
     */
    void engage(int country, double points, double ageMonths) {
        double decay = ageMonths == 0.0 ? 1.0 : Math.pow(0.5, ageMonths / spec.engagementHalfLifeMonths());
        double added = points * engagementScale * decay;
        engagement[country] += added;
        if (ageMonths == 0.0) {
            pointsThisTick[country] += added;
        }
    }

    /**
     * Buys {@code points} of engagement (before the scale) with {@code country} for
     * {@code usdMillionsPerYear}, a yearly rate of which this tick spends its share: {@code points} is
     * {@code usdMillionsPerYear * dtYears / usdMillionsPerEngagementPoint}.
     */
    void buyEngagement(int country, double points, double usdMillionsPerYear) {
        engage(country, points, 0.0);
        usdThisTick[country] += usdMillionsPerYear;
    }

    void change(ScheduledEvent.PatronChange change) {
        if (change.budgetUsdMillionsPerYear() != null) {
            budgetUsdMillionsPerYear = change.budgetUsdMillionsPerYear();
        }
        if (change.engagementScale() != null) {
            engagementScale = change.engagementScale();
        }
        if (change.backing() != null) {
            backing = change.backing();
        }
        if (change.active() != null) {
            active = change.active();
        }
        if (change.targets() != null) {
            aimAt(change.targets());
        }
        setEarmarks(change.earmarks());
    }

    private void aimAt(Targets targets) {
        for (int i = 0; i < aims.length; i++) {
            aims[i] = targets.aims(model.country(i).spec());
        }
    }

    private void setEarmarks(Map<String, Double> earmarks) {
        earmarks.forEach((code, amount) -> earmark[model.country(code).index()] = amount);
        anyEarmark = false;
        for (double e : earmark) {
            anyEarmark |= e > 0;
        }
    }

    /** Returns the position of this patron in the scenario's patron list (the order patrons act in). */
    public int index() {
        return index;
    }

    /** Returns the fixed attributes. */
    public PatronSpec spec() {
        return spec;
    }

    /** Returns the side it supports (its spec's, read often). */
    Side side() {
        return side;
    }

    /** Returns the current budget, US$ millions per year. */
    public double budgetUsdMillionsPerYear() {
        return budgetUsdMillionsPerYear;
    }

    /** Returns the multiplier on engagements made now. */
    public double engagementScale() {
        return engagementScale;
    }

    /** Returns the current backing level in [0, 1]. */
    public double backing() {
        return backing;
    }

    /** Returns whether the patron acts (false during a truce). */
    public boolean active() {
        return active;
    }

    /** Returns whether the patron's strategy (or backing) may reach state {@code country} now. */
    public boolean aims(int country) {
        return aims[country];
    }

    /** Returns the earmark for state {@code country}, US$ millions per year (0 if none). */
    public double earmarkUsdMillionsPerYear(int country) {
        return earmark[country];
    }

    /** Returns the engagement stock held with state {@code country}, in points. */
    public double engagement(int country) {
        return engagement[country];
    }
}
