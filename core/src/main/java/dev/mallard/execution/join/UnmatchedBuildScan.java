package dev.mallard.execution.join;

import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.data.VectorOps;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * After every probe of a join is done: the build rows no probe row matched, with NULLs for the
 * left columns (RIGHT, FULL; RIGHT_ANTI without left columns), or the build rows some probe row
 * matched (RIGHT_SEMI). Threads take ranges of 2048 build rows.
 */
public final class UnmatchedBuildScan extends GlobalSourceState {
    private final JoinBuild build;
    private final int leftWidth;
    private final boolean wantMatched;
    private final AtomicInteger nextRange = new AtomicInteger();
    private final int ranges;

    public UnmatchedBuildScan(JoinBuild build, int leftWidth, boolean wantMatched) {
        this.build = build;
        this.leftWidth = leftWidth;
        this.wantMatched = wantMatched;
        this.ranges = (build.rowCount() + Vector.DEFAULT_CAPACITY - 1) / Vector.DEFAULT_CAPACITY;
    }

    @Override
    public int maxThreads() {
        return Math.max(1, ranges);
    }

    public static final class Local extends LocalSourceState {
        int[] rows = new int[Vector.DEFAULT_CAPACITY];
    }

    public SourceResult next(DataChunk out, Local local) {
        boolean[] matched = build.matched();
        int total = build.rowCount();
        while (true) {
            int range = nextRange.getAndIncrement();
            if (range >= ranges) return SourceResult.FINISHED;
            local.batchIndex = range;
            int from = range * Vector.DEFAULT_CAPACITY;
            int to = Math.min(total, from + Vector.DEFAULT_CAPACITY);
            int n = 0;
            for (int r = from; r < to; r++) if (matched[r] == wantMatched) local.rows[n++] = r;
            if (n == 0) continue;
            for (int c = 0; c < leftWidth; c++) VectorOps.setNulls(out.column(c), 0, n);
            build.payload().gather(local.rows, n, out, leftWidth);
            out.setCount(n);
            return SourceResult.HAVE_MORE_OUTPUT;
        }
    }
}
