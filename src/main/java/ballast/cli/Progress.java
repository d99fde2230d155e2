package ballast.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far a long job is, on stderr only: a progress bar (done, rate, time left) when stderr is
 * a terminal, otherwise a plain line every few seconds, so logs stay readable.
 */
final class Progress implements AutoCloseable {
    private static final long PLAIN_EVERY_MILLIS = 5_000;

    private final String task;
    private final String unit;
    private final long total;
    private final long before;
    private final LongSupplier doneNow;
    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private final ProgressBar bar;

    /**
     * Starts showing progress of {@code task}: {@code before} of {@code total} units were done
     * earlier, {@code doneNow} counts those done since.
     */
    Progress(String task, long total, long before, LongSupplier doneNow, PrintWriter err) {
        this(task, "replications", total, before, doneNow, err);
    }

    /** As above, counting {@code unit} (e.g. "replays") instead of replications. */
    Progress(String task, String unit, long total, long before, LongSupplier doneNow, PrintWriter err) {
        this.task = task;
        this.unit = unit;
        this.total = total;
        this.before = before;
        this.doneNow = doneNow;
        this.err = err;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ballast-progress");
            t.setDaemon(true);
            return t;
        });
        if (stderrIsTerminal()) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).startsFrom(before, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .setUpdateIntervalMillis(250).build();
            ticker.scheduleAtFixedRate(() -> bar.stepTo(before + doneNow.getAsLong()), 250, 250,
                    TimeUnit.MILLISECONDS);
        } else {
            bar = null;
            ticker.scheduleAtFixedRate(() -> err.println(line()), PLAIN_EVERY_MILLIS, PLAIN_EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    static boolean stderrIsTerminal() {
        return "1".equals(System.getenv("BALLAST_STDERR_IS_TERMINAL"));
    }

    /** Returns e.g. {@code baseline: 41,000/100,000 replications (41%), 7,012/s, about 8 s left}. */
    String line() {
        long now = doneNow.getAsLong();
        long done = before + now;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? now / seconds : 0;
        String left = rate > 0 ? ", about " + duration((total - done) / rate) + " left" : "";
        return String.format(Locale.ROOT, "%s: %,d/%,d %s (%d%%), %,.0f/s%s", task, done, total, unit,
                total == 0 ? 100 : done * 100 / total, rate, left);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 90 ? s + " s" : s < 5400 ? Math.round(s / 60.0) + " min" : String.format(Locale.ROOT,
                "%.1f h", s / 3600.0);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (bar != null) {
            bar.stepTo(before + doneNow.getAsLong());
            bar.close();
        }
    }
}
