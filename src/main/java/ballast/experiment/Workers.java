package ballast.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one job on several daemon worker threads, as batches and experiments do. */
final class Workers {
    private Workers() {
    }

    /**
     * Runs {@code worker} on each of {@code threads} threads and waits for all of them. If one fails,
     * {@code stopOthers} is called (so the others finish early) and the failure is thrown.
     */
    static void run(int threads, Callable<Void> worker, Runnable stopOthers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ballast-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(worker));
            }
            for (Future<Void> f : workers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    stopOthers.run();
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
