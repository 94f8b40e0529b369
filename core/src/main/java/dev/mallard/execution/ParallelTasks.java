package dev.mallard.execution;

import dev.mallard.MallardException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The worker threads all queries share, and a way to run independent tasks on them: pipelines
 * (see {@link PipelineExecutor}) and the parallel parts of finalizing a sink (merging aggregate
 * partitions, building hash tables). The calling thread always works too, so a query with
 * {@code threads = 1} never touches the pool.
 */
public final class ParallelTasks {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    /** Daemon threads, so an embedded database never keeps a JVM alive. */
    static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mallard-worker-" + THREAD_IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private ParallelTasks() {}

    /**
     * Runs {@code task.accept(i)} for every {@code i < taskCount} on up to {@code ctx.threads()}
     * threads (the caller among them), each thread taking the next index until none is left.
     * Returns when all are done; the first failure stops the others and is rethrown.
     */
    public static void run(ExecutionContext ctx, int taskCount, IntConsumer task) {
        int threads = Math.min(ctx.threads(), taskCount);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < taskCount; i = next.getAndIncrement()) {
                ctx.checkInterrupted();
                task.accept(i);
            }
        };
        runOnThreads(ctx, threads, worker);
    }

    /** Runs {@code worker} on {@code threads} threads (the caller is one) and waits for all of them. */
    static void runOnThreads(ExecutionContext ctx, int threads, Runnable worker) {
        if (threads <= 1) {
            worker.run();
            return;
        }
        Throwable[] failure = new Throwable[1];
        Runnable guarded = () -> {
            try {
                worker.run();
            } catch (Throwable t) {
                synchronized (failure) {
                    if (failure[0] == null) failure[0] = t;
                }
                ctx.abort();
            }
        };
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 1; i < threads; i++) futures.add(WORKERS.submit(guarded));
        guarded.run();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctx.abort();
                throw new MallardException.Interrupted("Query was cancelled");
            } catch (java.util.concurrent.ExecutionException e) {
                // the guard catches everything itself
                throw new MallardException.Internal("worker failed", e.getCause());
            }
        }
        Throwable t = failure[0];
        if (t != null) {
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error err) throw err;
            throw new MallardException.Internal("worker failed: " + t, t);
        }
    }
}
