package dev.mallard.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread for all statements' query timeouts. A timeout only sets the engine's
 * cancel flag, so the timer never blocks and one thread serves every connection.
 */
final class QueryTimeouts {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mallard-query-timeout");
        t.setDaemon(true);
        return t;
    });

    private QueryTimeouts() {}

    static ScheduledFuture<?> schedule(Runnable onTimeout, long millis) {
        return TIMER.schedule(onTimeout, millis, TimeUnit.MILLISECONDS);
    }
}
