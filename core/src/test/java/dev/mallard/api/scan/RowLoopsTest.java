package dev.mallard.api.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.vector.Vector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One-pass fills: the same vectors as the column fillers, kept per class and column set. */
class RowLoopsTest {
    /** Ten columns, so a fill takes two loop copies; every kind of column, references with NULLs. */
    record Wide(long id, int n, double x, boolean flag, String name, LocalDate day, Long boxed, short small, float f, String last) {}

    private static Object[] rows() {
        return new Object[] {
                new Wide(1, 2, 0.5, true, "a", LocalDate.of(1998, 9, 2), 7L, (short) 3, 1.25f, "z"),
                new Wide(-4, -5, -1.5, false, null, null, null, (short) -3, -2f, null),
                new Wide(Long.MAX_VALUE, Integer.MIN_VALUE, 1e300, true, "", LocalDate.of(1500, 2, 28), Long.MIN_VALUE, Short.MAX_VALUE, 0f, "y")};
    }

    private static Vector[] vectors(List<JavaColumn> columns) {
        return columns.stream().map(c -> new Vector(c.type())).toArray(Vector[]::new);
    }

    @Test
    void onePassFillsWhatTheColumnFillersFill() throws Throwable {
        List<JavaColumn> columns = ClassColumns.of(Wide.class);
        Object[] rows = rows();
        Vector[] onePass = vectors(columns);
        RowLoops.of(Wide.class, columns).fill(rows, rows.length, onePass);
        Vector[] byColumn = vectors(columns);
        for (int c = 0; c < columns.size(); c++) columns.get(c).filler().fill(rows, rows.length, byColumn[c], 0);
        for (int c = 0; c < columns.size(); c++) {
            for (int i = 0; i < rows.length; i++) {
                assertThat(onePass[c].getObject(i)).as("%s row %d", columns.get(c).name(), i).isEqualTo(byColumn[c].getObject(i));
            }
        }
        assertThat(onePass[4].isNull(1)).isTrue();
        assertThat(onePass[5].ints[0]).isEqualTo((int) LocalDate.of(1998, 9, 2).toEpochDay());
    }

    @Test
    void aProjectionFillsItsColumnsInItsOrder() throws Throwable {
        List<JavaColumn> all = ClassColumns.of(Wide.class);
        List<JavaColumn> columns = List.of(all.get(9), all.get(2), all.get(9));
        Vector[] out = vectors(columns);
        RowLoops.of(Wide.class, columns).fill(rows(), 3, out);
        assertThat(out[0].strings[0]).isEqualTo("z");
        assertThat(out[1].doubles[2]).isEqualTo(1e300);
        assertThat(out[2].isNull(1)).isTrue();
    }

    @Test
    void loopsAreKeptPerColumnSet() {
        List<JavaColumn> all = ClassColumns.of(Wide.class);
        List<JavaColumn> some = List.of(all.get(0), all.get(4));
        assertThat(RowLoops.of(Wide.class, some)).isSameAs(RowLoops.of(Wide.class, new ArrayList<>(some)));
        assertThat(RowLoops.of(Wide.class, List.of(all.get(4), all.get(0)))).isNotSameAs(RowLoops.of(Wide.class, some));
    }

    @Test
    void failuresPassThrough() {
        List<JavaColumn> columns = ClassColumns.of(Wide.class);
        assertThatThrownBy(() -> RowLoops.of(Wide.class, columns).fill(new Object[] {"not a row"}, 1, vectors(columns)))
                .isInstanceOf(ClassCastException.class);
    }
}
