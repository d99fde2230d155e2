package ballast.model;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * An external actor: the PRC, the ROC, Japan, the USA or another partner. Each tick it lets its
 * {@link Strategy} spend its budget. A partner also holds an engagement stock per state that halves
 * every {@code engagementHalfLifeMonths}.
 */
public final class Patron implements Steppable {
    private static final long serialVersionUID = 1L;

    private final RecognitionModel model;
    private final PatronSpec spec;
    private final Strategy strategy;
    private final double[] engagement;
    private final double decayPerTick;

    private double budgetUsdMillionsPerYear;
    private double engagementScale;
    private double backing;
    private boolean active;

    Patron(RecognitionModel model, PatronSpec spec, int countries, int tickMonths) {
        this.model = model;
        this.spec = spec;
        this.strategy = Strategies.forName(spec.strategy());
        this.engagement = new double[countries];
        this.decayPerTick = Math.pow(0.5, tickMonths / spec.engagementHalfLifeMonths());
    }

    void reset() {
        budgetUsdMillionsPerYear = spec.budgetUsdMillionsPerYear();
        engagementScale = spec.engagementScale();
        backing = spec.backing();
        active = spec.active();
        java.util.Arrays.fill(engagement, 0.0);
    }

    @Override
    public void step(SimState state) {
        strategy.act(model, this);
    }

    /** Ages the engagement stock by one tick. */
    void decayEngagement() {
        for (int i = 0; i < engagement.length; i++) {
            engagement[i] *= decayPerTick;
        }
    }

    /** Adds an engagement worth {@code points} (before the patron's scale), aged {@code ageMonths}. */
    void engage(int country, double points, double ageMonths) {
        double decay = ageMonths == 0.0 ? 1.0 : Math.pow(0.5, ageMonths / spec.engagementHalfLifeMonths());
        engagement[country] += points * engagementScale * decay;
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
    }

    /** Returns the fixed attributes. */
    public PatronSpec spec() {
        return spec;
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

    /** Returns the engagement stock held with state {@code country}, in points. */
    public double engagement(int country) {
        return engagement[country];
    }
}
