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
    static final List<LogicalType> TYPES = List.of(LogicalType.DATE, LogicalType.BIGINT, LogicalType.BIGINT,
            LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR);
    static final int ROWS = DataTable.ROW_GROUP_SIZE * 2 + 777;

    /**
     * Column values of row r: a date (16 bits), a key (32 bits), a small decimal with NULLs, a wide
     * value (not packable), a wide int; strings with 7 values and NULLs (8-bit dictionary), 1000
     * values (16-bit dictionary), and all distinct, non-ASCII, with NULLs (byte heap).
     */
    static Object value(int c, long r) {
        return switch (c) {
            case 0 -> (int) (8035 + r % 2526);
            case 1 -> 1 + r * 3;
            case 2 -> r % 11 == 0 ? null : -500 + r % 1000;
            case 3 -> r % 2 == 0 ? Long.MIN_VALUE + r : Long.MAX_VALUE - r;
            case 4 -> (int) (r * 40_000);
            case 5 -> r % 13 == 0 ? null : "MODE" + r % 7;
            case 6 -> "Clerk#" + r % 1000;
            default -> r % 17 == 0 ? null : r % 5 == 0 ? "" : "ü" + r + " €";
        };
    }

    static DataTable table() {
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
                    else if (v instanceof String x) col.strings[i] = x;
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
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
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
        for (int c = 5; c <= 7; c++) {
            Vector s = new Vector(LogicalType.VARCHAR);
            int[] rows = {0, 17, 26, 1000, 2047};
            t.scanColumn(122_880 + 2048, rows, rows.length, c, s);
            for (int p : rows) assertThat(s.isNull(p) ? null : s.strings[p]).isEqualTo(value(c, 122_880 + 2048 + p));
            assertThat(t.get(122_880 * 2 - 1, c)).isEqualTo(value(c, 122_880 * 2 - 1));
        }
        t.delete(new long[] {4097, 4098}, 2);
        out.reset();
        t.scan(4096, 10, all, out);
        assertThat(out.count()).isEqualTo(8);
        assertThat(out.getObject(1, 1)).isEqualTo(value(1, 4099));
        assertThat(out.getObject(7, 1)).isEqualTo(value(7, 4099));
        assertThat(out.getObject(6, 2)).isEqualTo(value(6, 4100));
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
        for (int c = 5; c <= 7; c++) {
            Vector s = new Vector(LogicalType.VARCHAR, 1);
            s.strings[0] = "new value " + c;
            t.update(new long[] {13}, 1, c, s);
            assertThat(t.get(13, c)).isEqualTo("new value " + c);
            assertThat(t.get(14, c)).isEqualTo(value(c, 14));
            assertThat(t.get(17, c)).isEqualTo(value(c, 17));
        }
        DataTable wider = t.withColumnAdded(LogicalType.INTEGER, 7);
        assertThat(wider.get(200_000, 1)).isEqualTo(value(1, 200_000));
        assertThat(wider.get(200_000, 8)).isEqualTo(7);
        assertThat(wider.get(200_000, 7)).isEqualTo(value(7, 200_000));
    }

    @Test
    void fullStringSegmentsPackAsDictionaryOrByteHeap() {
        DataTable t = table();
        for (int c = 5; c <= 7; c++) {
            ColumnSegment plain = new ColumnSegment(LogicalType.VARCHAR, DataTable.ROW_GROUP_SIZE);
            Vector v = new Vector(LogicalType.VARCHAR, DataTable.ROW_GROUP_SIZE);
            for (int r = 0; r < DataTable.ROW_GROUP_SIZE; r++) {
                Object x = t.get(r, c);
                if (x == null) v.setNull(r);
                else v.strings[r] = (String) x;
            }
            plain.append(0, v, null, DataTable.ROW_GROUP_SIZE);
            ColumnSegment packed = ColumnSegment.pack(plain, DataTable.ROW_GROUP_SIZE);
            assertThat(packed.isPacked()).as("column %d", c).isTrue();
            for (int r = 0; r < DataTable.ROW_GROUP_SIZE; r += 997) assertThat(packed.get(r)).isEqualTo(value(c, r));
        }
    }
}
