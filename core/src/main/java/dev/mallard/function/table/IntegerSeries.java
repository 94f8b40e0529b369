package dev.mallard.function.table;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.math.BigInteger;
import java.util.List;

/** range / generate_series over BIGINT: start, start + step, … up to (or including) end. */
final class IntegerSeries implements BoundTableFunction {
    private final String name;
    private final long start;
    private final long end;
    private final long step;
    private final boolean inclusive;
    private final boolean empty;

    IntegerSeries(String name, long start, long end, long step, boolean inclusive, boolean empty) {
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
        return List.of(LogicalType.BIGINT);
    }

    /** Number of values, computed exactly (the span can exceed a long). */
    private long rowCount() {
        if (empty) return 0;
        BigInteger span = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
        BigInteger s = BigInteger.valueOf(step);
        if (span.signum() != 0 && span.signum() != s.signum()) return 0;
        BigInteger[] qr = span.divideAndRemainder(s);
        BigInteger n = qr[0];
        if (inclusive || qr[1].signum() != 0) n = n.add(BigInteger.ONE);
        return n.bitLength() < 63 ? n.longValue() : Long.MAX_VALUE;
    }

    @Override
    public long estimatedRows() {
        return rowCount();
    }

    @Override
    public Reader open() {
        long total = rowCount();
        return new Reader() {
            private long produced;

            @Override
            public boolean next(DataChunk out) {
                if (produced >= total) return false;
                Vector v = out.column(0);
                int n = (int) Math.min(v.capacity(), total - produced);
                long[] values = v.longs;
                long first = start + produced * step;
                for (int k = 0; k < n; k++) values[k] = first + k * step;
                produced += n;
                out.setCount(n);
                return true;
            }
        };
    }
}
