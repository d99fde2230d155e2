package ballast.cli;

import ballast.experiment.BlockSet;
import ballast.experiment.Design;
import ballast.experiment.DesignRun;
import ballast.experiment.Factor;
import ballast.experiment.PointSummary;
import ballast.experiment.Shard;
import ballast.output.ExperimentFolder;
import ballast.output.ExperimentFolder.FactorPlan;
import ballast.output.JobFolder;
import ballast.output.Manifest;
import ballast.output.ResultFolder;
import ballast.output.ShardFolder;
import ballast.scenario.NumericField;
import ballast.scenario.Problem;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioException;
import ballast.scenario.ScenarioTemplate;
import ballast.shell.ShellWords;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What sweeps and sensitivity analyses share: reading {@code --param} ranges against the scenario's
 * fields, the experiment folder (new or resumed), checking every design point before anything runs,
 * and running the points with progress, a journal and a clean stop on Ctrl-C.
 */
final class ExperimentRunner {
    private static final Pattern PARAM = Pattern.compile("([^=\\s]+)=([^:]+):([^:]+)(?::([^:]+))?");

    private ExperimentRunner() {
    }

    /** A {@code --param PATH=LOW:HIGH[:LEVELS]} as typed. */
    record ParamSpec(String text, String path, double low, double high, Integer levels) {
    }

    /** Parses {@code --param} values; {@code levels} says whether LEVELS is required, allowed or refused. */
    static List<ParamSpec> parse(List<String> texts, Levels levels) throws UserException {
        if (texts == null || texts.isEmpty()) {
            throw new UserException("name at least one --param PATH=LOW:HIGH" + (levels == Levels.REQUIRED
                    ? ":LEVELS" : "") + " (e.g. --param rule.toPrcPerYear=0.001:0.02); 'ballast sweep --list-params "
                    + "SCENARIO' lists the fields");
        }
        List<ParamSpec> out = new ArrayList<>();
        for (String t : texts) {
            Matcher m = PARAM.matcher(t.trim());
            if (!m.matches()) {
                throw new UserException("--param " + t + ": expected PATH=LOW:HIGH" + (levels == Levels.REFUSED ? ""
                        : levels == Levels.REQUIRED ? ":LEVELS" : "[:LEVELS]") + ", e.g. countries.HTI.fragility=0:1"
                        + (levels == Levels.REFUSED ? "" : ":5"));
            }
            double low = number(t, m.group(2));
            double high = number(t, m.group(3));
            Integer n = null;
            if (m.group(4) != null) {
                if (levels == Levels.REFUSED) {
                    throw new UserException("--param " + t + ": this design takes no LEVELS (write PATH=LOW:HIGH)");
                }
                String written = m.group(4).trim();
                if (!written.matches("[+-]?[0-9]+")) {
                    throw new UserException("--param " + t + ": LEVELS must be a whole number, got '" + m.group(4) + "'");
                }
                BigInteger count = new BigInteger(written);
                // A range of one value has one level; a range of two or more values at least two.
                int least = low == high ? 1 : 2;
                if (count.compareTo(BigInteger.valueOf(least)) < 0) {
                    throw new UserException("--param " + t + ": LEVELS must be at least " + least
                            + (low == high ? " (the range is one value)" : "") + ", got " + Problem.shorten(written));
                }
                if (count.compareTo(BigInteger.valueOf(Design.MAX_POINTS)) > 0) {
                    throw new UserException(String.format(Locale.ROOT, "--param %s: LEVELS must be at most %,d (the "
                            + "most points a design may have), got %s", t, Design.MAX_POINTS,
                            Problem.shorten(written)));
                }
                n = count.intValueExact();
            } else if (levels == Levels.REQUIRED) {
                throw new UserException("--param " + t + ": a grid needs the number of levels, PATH=LOW:HIGH:LEVELS "
                        + "(e.g. " + m.group(1) + "=" + m.group(2) + ":" + m.group(3) + ":5)");
            }
            if (out.stream().anyMatch(p -> p.path().equals(m.group(1)))) {
                throw new UserException("--param " + m.group(1) + " is given twice");
            }
            out.add(new ParamSpec(t, m.group(1), low, high, n));
        }
        return out;
    }

    enum Levels { REQUIRED, REFUSED }

    private static double number(String param, String text) throws UserException {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UserException("--param " + param + ": '" + text + "' is not a number");
    }

    /** Checks each range against its field (path exists, bounds hold) and returns the factors. */
    static List<Factor> factors(ScenarioTemplate template, List<ParamSpec> specs) throws UserException {
        List<Factor> factors = new ArrayList<>();
        for (ParamSpec s : specs) {
            try {
                NumericField field = template.field(s.path());
                if (field.whole() && (s.low() != Math.rint(s.low()) || s.high() != Math.rint(s.high()))) {
                    throw new IllegalArgumentException(s.path() + " is a whole number, so the range must be too");
                }
                Factor f = new Factor(field, s.low(), s.high(), s.levels() == null ? 0 : s.levels());
                checkDistinctLevels(s, f);
                factors.add(f);
            } catch (IllegalArgumentException e) {
                throw new UserException("--param " + s.text() + ": " + e.getMessage());
            }
        }
        return factors;
    }

    /**
     * Refuses a grid factor whose levels repeat, so that the grid would run the same points twice: a
     * whole-number field's levels are rounded (1:2:3 gives 1, 2, 2), and a range of one value has one
     * level. Levels at least 1 apart never repeat, so the message suggests at most HIGH - LOW + 1 of them.
     */
    private static void checkDistinctLevels(ParamSpec s, Factor f) throws UserException {
        if (f.levels() < 2) {
            return;
        }
        List<String> values = new ArrayList<>();
        java.util.Set<Double> seen = new java.util.HashSet<>();
        boolean repeated = false;
        for (int k = 0; k < f.levels(); k++) {
            double v = f.level(k);
            repeated |= !seen.add(v);
            if (values.size() < 12) {
                values.add(NumericField.format(v));
            } else if (values.size() == 12) {
                values.add("...");
            }
        }
        if (repeated && f.low() == f.high()) {
            throw new UserException(String.format(Locale.ROOT, "--param %s: the range %s:%s is one value, so LEVELS "
                    + "must be 1, got %,d", s.text(), NumericField.format(f.low()), NumericField.format(f.high()),
                    f.levels()));
        }
        if (repeated && !f.field().whole()) {
            throw new UserException(String.format(Locale.ROOT, "--param %s: %,d levels from %s to %s repeat values "
                    + "(the range is too narrow for them); use fewer levels or a wider range", s.text(), f.levels(),
                    NumericField.format(f.low()), NumericField.format(f.high())));
        }
        if (repeated) {
            long most = (long) (f.high() - f.low()) + 1;
            throw new UserException(String.format(Locale.ROOT, "--param %s: %s is a whole number, and %,d levels "
                    + "from %s to %s round to %s, repeating design points; use at most %,d levels (%,d gives every "
                    + "whole number from %s to %s)", s.text(), s.path(), f.levels(), NumericField.format(f.low()),
                    NumericField.format(f.high()), String.join(", ", values), most, most,
                    NumericField.format(f.low()), NumericField.format(f.high())));
        }
    }

    /** Returns the factors' values at point {@code p}, by path. */
    static Map<String, Double> values(Design design, int p) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int j = 0; j < design.factors().size(); j++) {
            values.put(design.factors().get(j).path(), design.value(p, j));
        }
        return values;
    }

    /**
     * Builds the scenario of every point from {@code first} to {@code end} (exclusive) once, so a point
     * that breaks a rule of the format stops everything before it runs.
     */
    static void checkPoints(ScenarioTemplate template, Design design, int first, int end, PrintWriter err)
            throws UserException {
        AtomicLong checked = new AtomicLong();
        // About 0.2-0.4 ms a point: a large design is a wait of seconds to a minute, shown like any long work.
        Progress progress = null;
        if (end - first >= ANNOUNCED_POINTS) {
            err.printf(Locale.ROOT, "ballast: checking the %,d design points before any runs%n", end - first);
            progress = new Progress(template.scenario().name() + ", checking the design", "points", end - first, 0,
                    checked::get, err);
        }
        try {
            for (int p = first; p < end; p++) {
                try {
                    template.with(values(design, p));
                } catch (ScenarioException e) {
                    throw new UserException("design point " + p + " (" + describe(values(design, p)) + ") is not a "
                            + "valid scenario: " + e.problems().get(0));
                }
                checked.incrementAndGet();
            }
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
    }

    /** Designs of this many points or more are checked with a progress line (a few seconds and more). */
    static final int ANNOUNCED_POINTS = 10_000;

    private static String describe(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + "=" + NumericField.format(v)));
        return String.join(", ", parts);
    }

    /**
     * The plan of a new experiment, or of shard {@code --shard} of it, after checking that every design
     * point it runs is a valid scenario (a shard checks only its own points; {@code ballast slurm}
     * checks them all before it writes anything).
     */
    static ExperimentFolder.Plan plan(String kind, Scenario scenario, long replications, boolean commonSeeds,
            Design design, Map<String, Object> settings, String commandLine, Instant started, ShardOptions sharding,
            Path out, ScenarioTemplate template, PrintWriter err) throws IOException, UserException {
        List<FactorPlan> factors = design.factors().stream()
                .map(f -> new FactorPlan(f.path(), f.low(), f.high(), f.levels())).toList();
        Shard shard = sharding.requested() ? sharding.check(out, false) : null;
        ExperimentFolder.Plan plan;
        try {
            plan = new ExperimentFolder.Plan(kind, scenario.file().toAbsolutePath().normalize().toString(),
                    scenario.name(), Manifest.resolvedSha256(scenario), Manifest.sourceHashes(scenario),
                    scenario.seed(), replications, commonSeeds, factors, design.toArray(), settings, commandLine,
                    started.toString(), shard);
        } catch (IllegalArgumentException e) {
            if (shard == null) {
                throw e;
            }
            throw new UserException("--shard " + shard + ": " + e.getMessage());
        }
        if (shard == null) {
            checkPoints(template, design, 0, design.size(), err);
        } else {
            ShardFolder.Part part = ShardFolder.part(plan);
            checkPoints(template, design, (int) (part.firstUnit() / replications),
                    (int) ((part.endUnit() - 1) / replications) + 1, err);
        }
        return plan;
    }

    /**
     * Creates the folder of a new experiment in {@code target}; with {@code --shard}, resumes the shard
     * if {@code out} already holds it, or returns null (after saying so) if it is finished there.
     */
    static ExperimentFolder start(ShardOptions sharding, ResultFolder.Target target, Path out,
            ExperimentFolder.Plan plan, CommandSpec spec) throws IOException, UserException {
        if (!sharding.requested()) {
            return ExperimentFolder.create(target, plan);
        }
        switch (ShardOptions.start(out, ShardFolder.job(plan), ShardFolder.part(plan))) {
            case DONE:
                ShardOptions.alreadyDone(out, ShardFolder.part(plan), spec.commandLine().getOut(),
                        spec.commandLine().getErr());
                return null;
            case RESUME:
                return open(out, plan.kind());
            default:
                return ExperimentFolder.create(target, plan);
        }
    }

    /** Finishes a shard that has run all its blocks: writes its counts, plan and manifest, prints its folder. */
    static int finishShard(ExperimentFolder folder, JobFolder.Checkpoint finishing, CommandSpec spec)
            throws IOException {
        ExperimentFolder.Plan plan = folder.plan();
        Path dir = folder.finishShard(finishing);
        spec.commandLine().getErr().printf(Locale.ROOT, "%s: %s shard %s done, %,d replications; once every shard is "
                + "done, 'ballast merge' writes the tables%n", plan.scenarioName(), plan.kind(), plan.shard(),
                ShardFolder.part(plan).replications());
        spec.commandLine().getOut().println(dir);
        return 0;
    }

    /** Opens (and locks) an unfinished experiment of {@code kind}; the caller closes it. */
    static ExperimentFolder open(Path dir, String kind) throws IOException, UserException {
        try {
            return ExperimentFolder.open(dir, kind);
        } catch (NoSuchFileException e) {
            throw new UserException(dir + ": " + e.getReason());
        }
    }

    /** Rereads the scenario of a saved plan, checking that nothing it read has changed. */
    static ScenarioTemplate template(ExperimentFolder.Plan plan) throws Exception {
        ScenarioTemplate t = ScenarioTemplate.read(Path.of(plan.scenarioFile()));
        BatchCommand.checkUnchanged(t.scenario().withSeed(plan.masterSeed()), plan.sources(), plan.scenarioSha256());
        return t;
    }

    /** Rebuilds the design of a saved plan. */
    static Design design(ScenarioTemplate t, ExperimentFolder.Plan plan) {
        List<Factor> factors = new ArrayList<>();
        for (FactorPlan f : plan.factors()) {
            factors.add(new Factor(t.field(f.path()), f.low(), f.high(), f.levels()));
        }
        return new Design(factors, plan.points());
    }

    /**
     * Runs every point's replications not yet journaled in {@code folder}; returns each point's
     * summary, or null if interrupted (the folder can then be resumed). The journal is read block by
     * block into the points' totals, and the finished blocks are kept as runs of numbers
     * ({@link BlockSet}), so memory does not grow with the replication count.
     */
    static PointSummary[] run(ExperimentFolder folder, ScenarioTemplate template, Design design, int threads,
            String task, PrintWriter err) throws Exception {
        ExperimentFolder.Plan plan = folder.plan();
        int states = template.scenario().parameters().countries().size();
        PointSummary[] totals = new PointSummary[design.size()];
        for (int p = 0; p < totals.length; p++) {
            totals[p] = new PointSummary(states);
        }
        DesignRun<PointSummary> whole = new DesignRun<>(design.size(), plan.replications(), plan.masterSeed(),
                plan.commonSeeds(), p -> template.with(values(design, p)).withSeed(plan.masterSeed()),
                PointSummary::new);
        DesignRun<PointSummary> run = plan.shard() == null ? whole : whole.shard(plan.shard());
        BlockSet done = new BlockSet();
        folder.load(adder(run, totals, done, states));
        long before = 0;
        for (PointSummary t : totals) {
            before += t.replications();
        }
        long total = run.size();
        if (before > 0) {
            err.printf(Locale.ROOT, "ballast: resuming %s: %,d of %,d replications were done%n",
                    Problem.printable(folder.dir().toString()), before, total);
        }
        try (OnInterrupt onCtrlC = new OnInterrupt(run::stop)) {
            try (Progress progress = new Progress(task, total, before, run::replicationsRun, err)) {
                run.run(done, threads, (p, b, part, doneBlocks) -> {
                    folder.append(p, b, part.toLongs());
                    totals[p].merge(part);
                    return null;
                });
            }
            folder.closeJournal();
            if (run.stopped()) {
                err.printf(Locale.ROOT, "ballast: interrupted; the finished blocks are saved in %s%n"
                        + "Resume with: ./ballast %s --resume %s%n", Problem.printable(folder.dir().toString()),
                        plan.kind(), ShellWords.quote(folder.dir()));
                return null;
            }
        }
        return totals;
    }

    /**
     * Returns a reader of journaled blocks that checks each belongs to {@code run} (the experiment, or
     * one shard of it), is new, and counts the replications it should, then adds it to {@code totals}
     * and to {@code done}.
     */
    static ExperimentFolder.BlockReader adder(DesignRun<?> run, PointSummary[] totals, BlockSet done, int states) {
        return (p, b, counts) -> {
            if (p < 0 || p >= totals.length || b < 0 || b >= run.blocksPerPoint()) {
                throw new IllegalArgumentException("block " + b + " of point " + p + " is not in this experiment");
            }
            if (run.replicationsIn(p, b) == 0) {
                throw new IllegalArgumentException("block " + b + " of point " + p + " is not in this shard");
            }
            if (done.contains(run.key(p, b))) {
                throw new IllegalArgumentException("block " + b + " of point " + p + " is there twice");
            }
            PointSummary part = PointSummary.fromLongs(states, counts);
            if (part.replications() != run.replicationsIn(p, b)) {
                throw new IllegalArgumentException("block " + b + " of point " + p + " counts " + part.replications()
                        + " replications, not " + run.replicationsIn(p, b));
            }
            totals[p].merge(part);
            done.add(run.key(p, b));
        };
    }

    /**
     * Refuses a design of more than {@link Design#MAX_POINTS} points before it is built, with a
     * message that says the limit.
     */
    static void checkSize(long points, String what) throws UserException {
        try {
            Design.checkSize(points, what);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
