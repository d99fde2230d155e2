package ballast.experiment;

import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.PatronRole;
import ballast.model.PatronSpec;
import ballast.model.RuleParameters;
import ballast.model.Term;
import ballast.model.Side;
import ec.util.MersenneTwisterFast;

/**
 * The speed floor of the model on the JVM: the arithmetic of one replication (each tick: engagement
 * decay, every state's pull and ballast, the recognisers' offers and aid, the partners' engagement,
 * one uniform per state, elections on their calendars, the monthly counts and shares) written as one
 * plain loop over primitive arrays, without MASON's schedule and without agent objects. {@code bench}
 * times it beside the model to show what the model's structure costs. Scheduled events from the
 * scenario (a handful per run) are left out; switch records are counted, not kept.
 *
 * <p>Not a second model: nothing but the benchmark uses it.
 */
public final class ReferenceLoop {
    private static final int CHUNKS = 10;
    private static final int NEVER = Integer.MIN_VALUE;

    private final int n;
    private final int ticks;
    private final double dt;
    private final RuleParameters r;
    private final double[] gdp;
    private final double[] population;
    private final double[] exposure;
    private final double[] affinity;
    private final double[] sensitivity;
    private final double[] fragility;
    private final double[] changeProbability;
    private final double[] initialStance;
    private final double[] initialOpposition;
    private final int[] region;
    private final int[] firstElection;
    private final int[] termTicks;
    private final boolean[] initialRoc;
    private final PatronSpec[] patrons;
    private final double[] decay;
    private final double[][] engagement;
    private final double totalGdp;
    private final double totalPopulation;
    private final int contagionWindow;
    private final int newGovernmentWindow;
    private final MersenneTwisterFast random = new MersenneTwisterFast(0);

    // Per-replication state.
    private final boolean[] roc;
    private final double[] stance;
    private final double[] opposition;
    private final int[] changeTick;
    private final int[] switchTick;
    private final double[] baseNet;
    private final double[] elasticity;
    private final double[] offerEffect;
    private final double[] aidEffect;
    private final double[] weight;
    private final double[] current;
    private final double[] next;
    private final int[] chunks;
    private final double[][] effects;
    private final int[] allies;
    private final double[] gdpShare;
    private final double[] populationShare;
    private double effectsChunk = Double.NaN;

    /** Flattens {@code p} into arrays. */
    public ReferenceLoop(ModelParameters p) {
        n = p.countries().size();
        ticks = p.ticks();
        dt = p.dtYears();
        r = p.rule();
        gdp = new double[n];
        population = new double[n];
        exposure = new double[n];
        affinity = new double[n];
        sensitivity = new double[n];
        fragility = new double[n];
        changeProbability = new double[n];
        initialStance = new double[n];
        initialOpposition = new double[n];
        region = new int[n];
        firstElection = new int[n];
        termTicks = new int[n];
        initialRoc = new boolean[n];
        double g = 0;
        double pop = 0;
        java.util.List<String> regions = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            CountrySpec c = p.countries().get(i);
            gdp[i] = c.gdpUsdMillions();
            population[i] = c.population();
            exposure[i] = c.prcExposure();
            affinity[i] = c.affinity();
            sensitivity[i] = c.offerSensitivity();
            fragility[i] = c.fragility();
            changeProbability[i] = c.governmentChangeProbability();
            initialStance[i] = c.stance();
            initialOpposition[i] = c.oppositionStance();
            if (!regions.contains(c.region())) {
                regions.add(c.region());
            }
            region[i] = regions.indexOf(c.region());
            termTicks[i] = c.termMonths() / p.tickMonths();
            firstElection[i] = c.nextElection() == null ? -1 : p.tickOf(c.nextElection());
            while (firstElection[i] < 0 && c.nextElection() != null && termTicks[i] > 0) {
                firstElection[i] += termTicks[i];
            }
            initialRoc[i] = c.initialSide() == Side.ROC;
            g += gdp[i];
            pop += population[i];
        }
        totalGdp = g;
        totalPopulation = pop;
        patrons = p.patrons().toArray(new PatronSpec[0]);
        decay = new double[patrons.length];
        engagement = new double[patrons.length][n];
        for (int k = 0; k < patrons.length; k++) {
            decay[k] = Math.pow(0.5, p.tickMonths() / patrons[k].engagementHalfLifeMonths());
        }
        contagionWindow = (r.contagionWindowMonths() + p.tickMonths() - 1) / p.tickMonths();
        newGovernmentWindow = (r.newGovernmentWindowMonths() + p.tickMonths() - 1) / p.tickMonths();
        roc = new boolean[n];
        stance = new double[n];
        opposition = new double[n];
        changeTick = new int[n];
        switchTick = new int[n];
        baseNet = new double[n];
        elasticity = new double[n];
        offerEffect = new double[n];
        aidEffect = new double[n];
        weight = new double[n];
        current = new double[n];
        next = new double[n];
        chunks = new int[n];
        effects = new double[n][CHUNKS + 1];
        allies = new int[ticks];
        gdpShare = new double[ticks];
        populationShare = new double[ticks];
    }

    /** Runs one replication and returns the number of switches (so the work cannot be optimised away). */
    public int run(long seed) {
        random.setSeed(new int[] {(int) (seed >>> 32), (int) seed});
        for (int i = 0; i < n; i++) {
            roc[i] = initialRoc[i];
            stance[i] = initialStance[i];
            opposition[i] = initialOpposition[i];
            changeTick[i] = NEVER;
            switchTick[i] = NEVER;
            offerEffect[i] = 0;
            aidEffect[i] = 0;
        }
        for (double[] e : engagement) {
            java.util.Arrays.fill(e, 0.0);
        }
        int switches = 0;
        for (int t = 0; t < ticks; t++) {
            for (int k = 0; k < patrons.length; k++) {
                double[] e = engagement[k];
                for (int i = 0; i < n; i++) {
                    e[i] *= decay[k];
                }
            }
            for (int i = 0; i < n; i++) {
                int first = firstElection[i];
                boolean election = first >= 0 && (t == first
                        || t > first && termTicks[i] > 0 && (t - first) % termTicks[i] == 0);
                if (election) {
                    if (random.nextDouble() < changeProbability[i]) {
                        double s = stance[i];
                        stance[i] = opposition[i];
                        opposition[i] = s;
                        changeTick[i] = t;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                refresh(i, t);
            }
            for (int k = 0; k < patrons.length; k++) {
                act(k);
            }
            int count = 0;
            double g = 0;
            double pop = 0;
            for (int i = 0; i < n; i++) {
                double h = hazard(i, baseNet[i] + elasticity[i] * offerEffect[i] - r.weight(Term.AID) * aidEffect[i]);
                if (random.nextDouble() < h) {
                    roc[i] = !roc[i];
                    switchTick[i] = t;
                    switches++;
                }
                if (roc[i]) {
                    count++;
                    g += gdp[i];
                    pop += population[i];
                }
            }
            allies[t] = count;
            gdpShare[t] = g / totalGdp;
            populationShare[t] = pop / totalPopulation;
        }
        return switches;
    }

    private void refresh(int i, int t) {
        double contagion = 0;
        for (int j = 0; j < n; j++) {
            if (j != i && region[j] == region[i] && switchTick[j] != NEVER && switchTick[j] < t
                    && t - switchTick[j] <= contagionWindow && roc[j] != roc[i]) {
                contagion += r.sameRegionLinkWeight();
            }
        }
        double points = 0;
        double backing = 0;
        for (int k = 0; k < patrons.length; k++) {
            boolean sameSide = (patrons[k].side() == Side.ROC) == roc[i];
            if (sameSide && patrons[k].role() == PatronRole.PARTNER) {
                points += engagement[k][i];
            } else if (sameSide && patrons[k].role() == PatronRole.BACKER) {
                backing += patrons[k].backing();
            }
        }
        double engagementTerm = points == 0 ? 0 : r.weight(Term.ENGAGEMENT) * Math.log(1 + points);
        double toward = r.weight(Term.AFFINITY) * affinity[i] + r.weight(Term.STANCE) * stance[i];
        double ex = r.weight(Term.EXPOSURE) * exposure[i];
        boolean newGovernment = changeTick[i] != NEVER && t - changeTick[i] < newGovernmentWindow;
        double net = r.weight(Term.CONTAGION) * contagion + (newGovernment ? r.weight(Term.NEW_GOVERNMENT) : 0)
                - engagementTerm - r.weight(Term.BACKING) * backing;
        baseNet[i] = roc[i] ? net + ex - toward : net - ex + toward;
        elasticity[i] = (r.weight(Term.OFFER) + r.weight(Term.FRAGILITY) * fragility[i]) * sensitivity[i];
    }

    private double hazard(int i, double net) {
        double rate = dt * (roc[i] ? r.toPrcPerYear() : r.toRocPerYear()) * Math.exp(net);
        return rate < 1e-4 ? rate * (1.0 - rate * (0.5 - rate / 6.0)) : 1.0 - Math.exp(-rate);
    }

    private double money(double amount, int i) {
        return amount == 0 ? 0 : Math.log(1 + 100 * amount / Math.max(gdp[i], r.gdpFloorUsdMillions()));
    }

    private void act(int k) {
        PatronSpec p = patrons[k];
        boolean side = p.side() == Side.ROC;
        double budget = p.active() ? p.budgetUsdMillionsPerYear() : 0;
        switch (p.strategy()) {
            case "cheapest-flip" -> {
                double aid = budget * p.aidShare();
                greedyOffers(side, budget - aid);
                proportionalAid(side, aid);
            }
            case "defend-at-risk", "most-valuable" -> {
                double aid = budget * p.aidShare();
                proportionalAid(side, aid);
                double total = 0;
                for (int i = 0; i < n; i++) {
                    weight[i] = roc[i] != side ? hazard(i, baseNet[i] - r.weight(Term.AID) * aidEffect[i]) : 0;
                    total += weight[i];
                }
                for (int i = 0; i < n; i++) {
                    if (roc[i] != side && total > 0) {
                        offerEffect[i] = money((budget - aid) * weight[i] / total, i);
                    }
                }
            }
            case "ballast" -> {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    weight[i] = roc[i] == side ? hazard(i, baseNet[i] + elasticity[i] * offerEffect[i]
                            - r.weight(Term.AID) * aidEffect[i]) * Math.max(gdp[i], r.gdpFloorUsdMillions()) : 0;
                    total += weight[i];
                }
                double points = budget * dt / p.usdMillionsPerEngagementPoint();
                for (int i = 0; i < n; i++) {
                    if (weight[i] > 0) {
                        double before = engagement[k][i];
                        engagement[k][i] += points * weight[i] / total * p.engagementScale();
                        baseNet[i] -= r.weight(Term.ENGAGEMENT) * (Math.log(1 + engagement[k][i]) - Math.log(1 + before));
                    }
                }
            }
            default -> {
                // fixed: nothing to spend
            }
        }
    }

    private void proportionalAid(boolean side, double pool) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = roc[i] == side ? hazard(i, baseNet[i] + elasticity[i] * offerEffect[i]) : 0;
            total += weight[i];
        }
        for (int i = 0; i < n; i++) {
            if (roc[i] == side) {
                aidEffect[i] = total > 0 ? money(pool * weight[i] / total, i) : 0;
            }
        }
    }

    private void greedyOffers(boolean side, double pool) {
        java.util.Arrays.fill(chunks, 0);
        if (pool <= 0) {
            return;
        }
        double chunk = pool / CHUNKS;
        if (chunk != effectsChunk) {
            for (int i = 0; i < n; i++) {
                for (int c = 0; c <= CHUNKS; c++) {
                    effects[i][c] = money(c * chunk, i);
                }
            }
            effectsChunk = chunk;
        }
        for (int i = 0; i < n; i++) {
            if (roc[i] != side) {
                double net = baseNet[i] - r.weight(Term.AID) * aidEffect[i];
                current[i] = hazard(i, net);
                next[i] = hazard(i, net + elasticity[i] * effects[i][1]);
            }
        }
        for (int c = 0; c < CHUNKS; c++) {
            int best = -1;
            double gain = 0;
            for (int i = 0; i < n; i++) {
                if (roc[i] != side && (best < 0 || next[i] - current[i] > gain)) {
                    best = i;
                    gain = next[i] - current[i];
                }
            }
            if (best < 0) {
                return;
            }
            int given = ++chunks[best];
            current[best] = next[best];
            if (given < CHUNKS) {
                next[best] = hazard(best, baseNet[best] - r.weight(Term.AID) * aidEffect[best]
                        + elasticity[best] * effects[best][given + 1]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (roc[i] != side) {
                offerEffect[i] = effects[i][chunks[i]];
            }
        }
    }

    /** Returns Taipei's allies at the end of the last tick of the last run. */
    public int alliesAtEnd() {
        return allies[ticks - 1];
    }
}
