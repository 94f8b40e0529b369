package dev.mallard.function.table;

import dev.mallard.types.DateTimes;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;

/**
 * range / generate_series over TIMESTAMP with an INTERVAL step: each value is the previous one plus
 * the step (so month steps clamp the day as they go, as in DuckDB). The direction is the sign of
 * the step with months as 30 days.
 */
final class TimestampSeries implements BoundTableFunction {
    private final String name;
    private final long start;
    private final long end;
    private final Interval step;
    private final boolean inclusive;
    private final boolean empty;

    TimestampSeries(String name, long start, long end, Interval step, boolean inclusive, boolean empty) {
        this.name = name;
        this.start = start;
        this.end = end;
        this.step = step;
        this.inclusive = inclusive;
        this.empty = empty;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> columnNames() {
        return List.of(name);
    }

    @Override
    public List<LogicalType> columnTypes() {
        return List.of(LogicalType.TIMESTAMP);
    }

    @Override
    public long estimatedRows() {
        if (empty) return 0;
        long per = Math.max(1, Math.abs(step.normalizedMicros()));
        return Math.max(0, (end - start) / (step.normalizedMicros() < 0 ? -per : per)) + 1;
    }

    private boolean within(long t) {
        boolean up = step.normalizedMicros() > 0;
        if (up) return inclusive ? t <= end : t < end;
        return inclusive ? t >= end : t > end;
    }

    @Override
    public Reader open() {
        return new Reader() {
            private long next = start;
            private boolean done = empty;

            @Override
            public boolean next(DataChunk out) {
                if (done) return false;
                Vector v = out.column(0);
                int n = 0;
                while (n < v.capacity() && within(next)) {
                    v.longs[n++] = next;
                    long after = DateTimes.addInterval(next, step);
                    if (after == next) {
                        done = true;
                        break;
                    }
                    next = after;
                }
                if (n < v.capacity()) done = true;
                out.setCount(n);
                return n > 0;
            }
        };
    }
}
