package dev.mallard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full row groups store their integer columns packed (16- or 32-bit offsets from the minimum):
 * every read path must give back the values written, NULLs included, and writes must still work.
 */
class PackedSegmentTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.DATE, LogicalType.BIGINT, LogicalType.BIGINT,
            LogicalType.BIGINT, LogicalType.INTEGER);
    private static final int ROWS = DataTable.ROW_GROUP_SIZE * 2 + 777;

    /** Column values of row r: a date (16 bits), a key (32 bits), a small decimal with NULLs, a wide value (not packable), a wide int. */
    private static Object value(int c, long r) {
        return switch (c) {
            case 0 -> (int) (8035 + r % 2526);
            case 1 -> 1 + r * 3;
            case 2 -> r % 11 == 0 ? null : -500 + r % 1000;
            case 3 -> r % 2 == 0 ? Long.MIN_VALUE + r : Long.MAX_VALUE - r;
            default -> (int) (r * 40_000);
        };
    }

    private static DataTable table() {
        DataTable t = new DataTable(TYPES);
        DataChunk chunk = new DataChunk(TYPES);
        for (long start = 0; start < ROWS; start += 2048) {
            chunk.reset();
            int n = (int) Math.min(2048, ROWS - start);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < TYPES.size(); c++) {
                    Object v = value(c, start + i);
                    Vector col = chunk.column(c);
                    if (v == null) col.setNull(i);
                    else if (v instanceof Integer x) col.ints[i] = x;
                    else col.longs[i] = (Long) v;
                }
            }
            chunk.setCount(n);
            t.append(chunk);
        }
        return t;
    }

    @Test
    void everyReadPathReturnsTheWrittenValues() {
        DataTable t = table();
        int[] all = {0, 1, 2, 3, 4};
        DataChunk out = new DataChunk(TYPES);
        for (long from = 0; from < ROWS; from += 2048) {
            out.reset();
            t.scan(from, 2048, all, out);
            for (int k = 0; k < out.count(); k++) {
                for (int c = 0; c < all.length; c++) assertThat(out.getObject(c, k)).isEqualTo(value(c, from + k));
            }
        }
        // single values, a selective column read, and the tombstone (gather) path
        assertThat(t.get(5, 2)).isEqualTo(value(2, 5));
        assertThat(t.get(122_880 + 44, 1)).isEqualTo(value(1, 122_880 + 44));
        Vector v = new Vector(LogicalType.BIGINT);
        int[] sel = {3, 17, 1000, 2047};
        t.scanColumn(4096, sel, sel.length, 2, v);
        for (int p : sel) assertThat(v.isNull(p) ? null : v.longs[p]).isEqualTo(value(2, 4096 + p));
        t.delete(new long[] {4097, 4098}, 2);
        out.reset();
        t.scan(4096, 10, all, out);
        assertThat(out.count()).isEqualTo(8);
        assertThat(out.getObject(1, 1)).isEqualTo(value(1, 4099));
    }

    @Test
    void writesToAPackedRowGroupUnpackItFirst() {
        DataTable t = table();
        Vector v = new Vector(LogicalType.BIGINT, 1);
        v.longs[0] = 9_000_000_000L; // outside the packed range
        t.update(new long[] {10}, 1, 1, v);
        assertThat(t.get(10, 1)).isEqualTo(9_000_000_000L);
        assertThat(t.get(11, 1)).isEqualTo(value(1, 11));
        v.setNull(0);
        t.update(new long[] {12}, 1, 2, v);
        assertThat(t.get(12, 2)).isNull();
        DataTable wider = t.withColumnAdded(LogicalType.INTEGER, 7);
        assertThat(wider.get(200_000, 1)).isEqualTo(value(1, 200_000));
        assertThat(wider.get(200_000, 5)).isEqualTo(7);
    }
}
