package dev.mallard.bench;

import java.util.concurrent.ForkJoinPool;

/**
 * The Java Streams code of {@link StreamsQueries}: sequential streams at 1 thread; at more,
 * parallel streams run inside a ForkJoinPool of that many workers (a parallel stream started from
 * a pool's task uses that pool), so it gets the same cores as the engines.
 */
final class StreamsContender implements Contender, AutoCloseable {
    private final StreamsQueries code;
    /** Null at 1 thread. */
    private ForkJoinPool pool;

    StreamsContender(StreamsQueries code) {
        this.code = code;
    }

    @Override
    public String label() {
        return "Java Streams";
    }

    @Override
    public boolean reference() {
        return false;
    }

    @Override
    public void setThreads(int threads) {
        close();
        pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    @Override
    public QueryRunner.Outcome answer(QueryRunner runner, QuerySet queries, int id, int timeoutSeconds) {
        ForkJoinPool p = pool;
        return runner.call(() -> p == null ? code.answer(id, false) : p.submit(() -> code.answer(id, true)).get(), timeoutSeconds);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
        pool = null;
    }
}
