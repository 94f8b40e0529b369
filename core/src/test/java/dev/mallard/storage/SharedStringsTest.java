package dev.mallard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import org.junit.jupiter.api.Test;

/**
 * A string segment being filled keeps one object per value while it has few values: whether the
 * rows bring shared objects, a new object per row, or more objects than its identity index holds.
 */
class SharedStringsTest {
    private static final int CHUNK = 2048;

    @Test
    void equalValuesEndAsOneObject() {
        int chunks = 6;
        ColumnSegment seg = new ColumnSegment(LogicalType.VARCHAR, chunks * CHUNK);
        String[] shared = {"north", "south", "east"};
        for (int c = 0; c < chunks; c++) {
            Vector v = new Vector(LogicalType.VARCHAR, CHUNK);
            for (int i = 0; i < CHUNK; i++) {
                int row = c * CHUNK + i;
                if (row % 11 == 0) v.setNull(i);
                else if (c % 2 == 0) v.strings[i] = shared[row % 3]; // the reader's shared objects
                else v.strings[i] = new String("v" + (row % 200)); // a new object per row: 600 objects per chunk, past the index's 512
            }
            seg.append(c * CHUNK, v, null, CHUNK);
        }
        assertThat(seg.manyStrings).isFalse();
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (int row = 0; row < chunks * CHUNK; row++) {
            String s = seg.strings[row];
            if (row % 11 == 0) {
                assertThat(seg.isNull(row)).isTrue();
                continue;
            }
            String expected = (row / CHUNK) % 2 == 0 ? shared[row % 3] : "v" + (row % 200);
            assertThat(s).isEqualTo(expected);
            assertThat(s).as("row %d shares its value's object", row).isSameAs(first.computeIfAbsent(s, k -> s));
        }
    }

    @Test
    void manyValuesStopTheSharingAndKeepTheirValues() {
        ColumnSegment seg = new ColumnSegment(LogicalType.VARCHAR, 2 * CHUNK);
        for (int c = 0; c < 2; c++) {
            Vector v = new Vector(LogicalType.VARCHAR, CHUNK);
            for (int i = 0; i < CHUNK; i++) v.strings[i] = "u" + (c * CHUNK + i) % 300;
            seg.append(c * CHUNK, v, null, CHUNK);
        }
        assertThat(seg.manyStrings).as("300 values are more than it shares").isTrue();
        for (int row = 0; row < 2 * CHUNK; row++) assertThat(seg.strings[row]).isEqualTo("u" + row % 300);
    }
}
