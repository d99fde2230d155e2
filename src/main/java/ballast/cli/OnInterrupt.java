package ballast.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (or a kill) during a long job into a clean stop: the JVM's shutdown hook asks the job
 * to stop and waits (up to 30 s) until the job has saved what it finished, so the job can be resumed.
 */
final class OnInterrupt implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    /** Installs a hook that calls {@code stop} on Ctrl-C, then waits for {@link #close()}. */
    OnInterrupt(Runnable stop) {
        hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ballast-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The job has saved what it finished: lets a pending shutdown go on, and removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down (Ctrl-C): the hook is running
        }
    }
}
