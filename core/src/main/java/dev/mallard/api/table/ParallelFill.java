package dev.mallard.api.table;

import dev.mallard.vector.DataChunk;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * The chunks of a block of rows filled by {@link DirectFill}s on several threads at once. Reading
 * the caller's maps is most of a plain insertMany's work; on the caller's thread alone it left a
 * core idle while the first round was read, and it set the pace of every round after. Each thread
 * has a DirectFill of its own (the fills keep caches and are not shared); chunks are handed out by a
 * counter and come back in the rows' order, up to the first one that the general path must take, so
 * what reaches the table does not depend on which thread filled what.
 */
final class ParallelFill {
    private static final int MIN_CHUNKS_PER_THREAD = 4;
    private final DirectFill[] fills;
    private final IntFunction<DirectFill> make;

    /** Fills on up to {@code threads} threads (the caller's among them); {@code make(i)} makes the i-th thread's fill, the caller's being 0. */
    ParallelFill(int threads, IntFunction<DirectFill> make) {
        this.fills = new DirectFill[Math.max(1, threads)];
        this.make = make;
    }

    /**
     * The chunks of rows {@code rows[from .. from + count)}, a chunk per {@link BulkInsert#BATCH}
     * rows, in order and stopping before the first chunk that needs the general path (none when the
     * first does). The numbered key's vectors are left to the caller.
     */
    DataChunk[] fill(Object[] rows, int from, int count) {
        int chunks = (count + BulkInsert.BATCH - 1) / BulkInsert.BATCH;
        DataChunk[] out = new DataChunk[chunks];
        Work work = new Work(rows, from, count, out);
        // a thread of its own for at least a few chunks: starting one costs about what filling a chunk does
        int threads = Math.max(1, Math.min(fills.length, chunks / MIN_CHUNKS_PER_THREAD));
        Thread[] helpers = new Thread[Math.max(0, threads - 1)];
        try {
            for (int t = 1; t < threads; t++) {
                DirectFill fill = fill(t);
                helpers[t - 1] = Thread.ofPlatform().name("mallard-fill").daemon().start(() -> work.run(fill));
            }
            work.run(fill(0));
        } finally {
            join(helpers); // the fills are reused by the next block: no helper may still be running
        }
        Throwable error = work.error.get();
        if (error instanceof Error e) throw e;
        if (error instanceof RuntimeException e) throw e;
        int filled = work.failed.get();
        return filled == chunks ? out : Arrays.copyOf(out, filled);
    }

    private DirectFill fill(int thread) {
        if (fills[thread] == null) fills[thread] = make.apply(thread);
        return fills[thread];
    }

    private static void join(Thread[] helpers) {
        boolean interrupted = false;
        for (Thread h : helpers) {
            while (h != null) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** One block's shared state: the next chunk to fill, the first that failed, the chunks. */
    private static final class Work {
        private final Object[] rows;
        private final int from;
        private final int count;
        private final DataChunk[] out;
        private final AtomicInteger next = new AtomicInteger();
        /** The first chunk that the general path must take (the chunk count while none has). */
        final AtomicInteger failed;
        /** What a fill threw that is not about the rows (out of memory, say): the caller's to throw. */
        final AtomicReference<Throwable> error = new AtomicReference<>();

        Work(Object[] rows, int from, int count, DataChunk[] out) {
            this.rows = rows;
            this.from = from;
            this.count = count;
            this.out = out;
            this.failed = new AtomicInteger(out.length);
        }

        void run(DirectFill fill) {
            // chunks past one that failed are not needed: the general path takes over from there
            for (int c; (c = next.getAndIncrement()) < failed.get(); ) {
                int at = c * BulkInsert.BATCH;
                DataChunk chunk = null;
                try {
                    chunk = fill.fill(rows, from + at, Math.min(BulkInsert.BATCH, count - at));
                } catch (RuntimeException e) {
                    // a key the fill cannot name: the general path reads the batch again and reports it in order
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
                if (chunk == null) failed.accumulateAndGet(c, Math::min);
                else out[c] = chunk;
            }
        }
    }
}
