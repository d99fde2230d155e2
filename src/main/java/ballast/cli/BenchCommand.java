package ballast.cli;

import ballast.experiment.DesignRun;
import ballast.experiment.BatchSummary;
import ballast.experiment.ReferenceLoop;
import ballast.experiment.Seeds;
import ballast.model.ModelParameters;
import ballast.model.RecognitionModel;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongUnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ballast bench}: how fast this machine runs the model, next to a plain-Java reference loop
 * that computes the same replications ({@link ReferenceLoop}), on one thread and on all threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times the model and a plain-Java reference loop in the same JVM, both on the scenario without "
                + "its scheduled events (elections, engagements, patron changes and shocks dated from the start on; "
                + "engagements before it stay as the partners' stocks). On such a scenario the reference loop computes "
                + "exactly what the model computes, draw for draw (the same ally paths, switches with their hazards "
                + "and terms, and money by year: a test checks it on 1,000 seeds of the baseline), but as one loop over "
                + "arrays, without MASON's schedule or agent objects; so the ratio is what the model's structure costs.",
            "Prints microseconds per replication on one thread (median of blocks of 100 after a warm-up; target: "
                + "the model within 1.5x of the reference), the model's time with the scenario's events, "
                + "replications per second on one and on all threads, and the speed-up. Writes nothing.",
            "--heap also runs a batch of 1,000,000 replications and compares the heap in use after 1,000 and after "
                + "1,000,000."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "scenarios/baseline.yaml",
            description = "Scenario file (default: ${DEFAULT-VALUE}).")
    Path scenarioFile;

    @Option(names = {"-n", "--replications"}, paramLabel = "N", defaultValue = "20000", converter = JobOptions.Count.class,
            description = "Replications timed per measurement, 100 to 10^6 (default: ${DEFAULT-VALUE}).")
    long replicationsOption;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the parallel measurement (default: all cores).")
    Integer threads;

    @Option(names = "--heap", description = "Also check that the heap does not grow with the replication count.")
    boolean heap;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int cores = JobOptions.threads(threads);
        int replications = (int) JobOptions.checkedCount("-n", replicationsOption, 100, 1_000_000);
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        long seed = scenario.seed();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "scenario %s: %d ticks, %d states, %d patrons; %d cores available, %s%n",
                scenario.name(), scenario.parameters().ticks(), scenario.parameters().countries().size(),
                scenario.parameters().patrons().size(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.flush();

        ModelParameters plain = ReferenceLoop.withoutScheduledEvents(scenario.parameters());
        out.printf(Locale.ROOT, "model and reference loop timed without the scenario's %d scheduled events%n",
                ReferenceLoop.scheduledEvents(scenario.parameters()));
        out.flush();
        ThreadLocal<RecognitionModel> models = ThreadLocal.withInitial(() -> new RecognitionModel(plain));
        ThreadLocal<ReferenceLoop> loops = ThreadLocal.withInitial(() -> new ReferenceLoop(plain));
        RecognitionModel withEvents = new RecognitionModel(scenario.parameters());
        LongUnaryOperator model = i -> models.get().simulate(Seeds.replication(seed, i)).switchCount();
        LongUnaryOperator reference = i -> loops.get().run(Seeds.replication(seed, i)).switchCount();
        LongUnaryOperator events = i -> withEvents.simulate(Seeds.replication(seed, i)).switchCount();

        // Warm up all, interleaved, so none is timed before the JIT has compiled it.
        for (int round = 0; round < 3; round++) {
            perReplication(model, replications / 4);
            perReplication(reference, replications / 4);
            perReplication(events, replications / 8);
        }
        double modelMicros = perReplication(model, replications);
        double referenceMicros = perReplication(reference, replications);
        double eventsMicros = perReplication(events, replications);
        double model1 = throughput(model, 1, replications);
        double reference1 = throughput(reference, 1, replications);
        double modelN = throughput(model, cores, replications * cores);
        double referenceN = throughput(reference, cores, replications * cores);

        out.printf(Locale.ROOT, "one replication, one thread: model %.1f us, reference loop %.1f us: "
                + "model/reference = %.2f (target: at most 1.5)%n", modelMicros, referenceMicros,
                modelMicros / referenceMicros);
        out.printf(Locale.ROOT, "one replication with the scenario's events, one thread: model %.1f us%n", eventsMicros);
        out.printf(Locale.ROOT, "replications/s on 1 thread: model %,.0f, reference %,.0f%n", model1, reference1);
        out.printf(Locale.ROOT, "replications/s on %d threads: model %,.0f, reference %,.0f%n", cores, modelN,
                referenceN);
        double modelSpeedUp = modelN / model1;
        double referenceSpeedUp = referenceN / reference1;
        out.printf(Locale.ROOT, "speed-up from 1 to %d threads: model %.2fx, reference %.2fx: model's is %.0f%% "
                + "of the reference's (target: at least 90%%)%n", cores, modelSpeedUp, referenceSpeedUp,
                100 * modelSpeedUp / referenceSpeedUp);
        out.printf(Locale.ROOT, "so 100,000 replications take about %.1f s of model time on %d threads%n",
                100_000 / modelN, cores);
        out.flush();
        if (heap) {
            heapCheck(scenario, cores, out);
        }
        return 0;
    }

    /** Returns the median microseconds per replication over blocks of 100 replications. */
    private static double perReplication(LongUnaryOperator run, int count) {
        int blocks = Math.max(1, count / 100);
        long[] nanos = new long[blocks];
        long sink = 0;
        for (int b = 0; b < blocks; b++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                sink += run.applyAsLong((long) b * 100 + i);
            }
            nanos[b] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        if (sink == Long.MIN_VALUE) {
            System.out.print(""); // keeps the work observable
        }
        return nanos[blocks / 2] / 100 / 1e3;
    }

    /** Returns replications per second of {@code count} replications shared among {@code threads} threads. */
    private static double throughput(LongUnaryOperator run, int threads, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int from = w * (count / threads);
                int to = w == threads - 1 ? count : from + count / threads;
                parts.add(pool.submit(() -> {
                    long sink = 0;
                    for (int i = from; i < to; i++) {
                        sink += run.applyAsLong(i);
                    }
                    return sink;
                }));
            }
            for (Future<Long> f : parts) {
                f.get();
            }
            return count / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void heapCheck(Scenario scenario, int cores, PrintWriter out) throws Exception {
        long small = heapAfter(scenario, 1_000, cores);
        long large = heapAfter(scenario, 1_000_000, cores);
        out.printf(Locale.ROOT, "heap in use after a batch of 1,000 replications: %.1f MiB; of 1,000,000: %.1f MiB "
                + "(%+.1f%%, target: within 10%%)%n", small / 1048576.0, large / 1048576.0,
                100.0 * (large - small) / small);
    }

    /** Runs a batch of {@code n} (summaries in memory, nothing written) and returns the heap in use after a GC. */
    private static long heapAfter(Scenario scenario, long n, int cores) throws Exception {
        BatchSummary summary = BatchSummary.runningTotal(scenario.parameters());
        DesignRun.batch(scenario, n).run((point, block) -> false, cores, (point, block, part) -> summary.merge(part));
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        if (summary.replications() != n) {
            throw new IllegalStateException("batch ran " + summary.replications() + " of " + n);
        }
        return used;
    }
}
