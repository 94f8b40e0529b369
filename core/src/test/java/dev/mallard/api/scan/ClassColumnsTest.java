package dev.mallard.api.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns of row classes: generated accessors, primitive fillers, POJO rules. */
class ClassColumnsTest {
    record Row(long id, int n, double x, boolean flag, String name) {}

    public static class Pojo {
        public long visible = 7;
        private int viaGetter = 3;
        private int privateState = 1;

        public int getViaGetter() {
            return viaGetter;
        }
    }

    @Test
    void recordComponentsGetGeneratedPrimitiveAccessors() {
        List<JavaColumn> columns = ClassColumns.of(Row.class);
        assertThat(columns).extracting(JavaColumn::name).containsExactly("id", "n", "x", "flag", "name");
        assertThat(columns).extracting(c -> c.filler().getClass().getSimpleName())
                .containsExactly("Longs", "Ints", "Doubles", "Booleans", "Objects");
        // Spun by LambdaMetafactory (a hidden class), not a reflective or method-handle wrapper.
        ColumnFiller.Longs id = (ColumnFiller.Longs) columns.get(0).filler();
        assertThat(id.get().getClass().isHidden()).isTrue();
        assertThat(id.get().getClass().getName()).startsWith(Row.class.getName() + "$$Lambda");

        // And its loop is the column's own hidden copy, where that accessor is a constant the JIT inlines.
        assertThat(id.loop()).isNotNull();
        assertThat(((ColumnFiller.Doubles) columns.get(2).filler()).loop()).isNotNull();
        assertThat(((ColumnFiller.Objects) columns.get(4).filler()).loop()).isNotNull();

        Vector out = new Vector(LogicalType.BIGINT);
        id.fill(new Object[] {new Row(5, 0, 0, false, null), new Row(-9, 0, 0, false, null)}, 2, out, 0);
        assertThat(out.longs[0]).isEqualTo(5);
        assertThat(out.longs[1]).isEqualTo(-9);
    }

    @Test
    void loopCopiesFillLikeTheSharedLoop() {
        List<JavaColumn> columns = ClassColumns.of(Row.class);
        Object[] rows = {new Row(1, 2, 0.5, true, "a"), new Row(3, 4, 1.5, false, "b")};
        Vector ints = new Vector(LogicalType.INTEGER);
        columns.get(1).filler().fill(rows, 2, ints, 0);
        assertThat(ints.ints[0]).isEqualTo(2);
        assertThat(ints.ints[1]).isEqualTo(4);
        Vector doubles = new Vector(LogicalType.DOUBLE);
        columns.get(2).filler().fill(rows, 2, doubles, 0);
        assertThat(doubles.doubles[1]).isEqualTo(1.5);
        Vector bools = new Vector(LogicalType.BOOLEAN);
        columns.get(3).filler().fill(rows, 2, bools, 0);
        assertThat(bools.bools[0]).isTrue();
        assertThat(bools.bools[1]).isFalse();
        Vector strings = new Vector(LogicalType.VARCHAR);
        columns.get(4).filler().fill(new Object[] {new Row(1, 2, 0.5, true, null), new Row(3, 4, 1.5, false, "b")}, 2, strings, 0);
        assertThat(strings.isNull(0)).isTrue();
        assertThat(strings.strings[1]).isEqualTo("b");
        assertThatThrownBy(() -> columns.get(0).filler().fill(new Object[] {"not a row"}, 1, new Vector(LogicalType.BIGINT), 0))
                .isInstanceOf(ClassCastException.class);
    }

    @Test
    void pojoColumnsAreFieldsWithGettersOrPublicOnes() {
        List<JavaColumn> columns = ClassColumns.of(Pojo.class);
        assertThat(columns).extracting(JavaColumn::name).containsExactly("visible", "viaGetter");
        assertThat(columns.get(0).filler().value(new Pojo())).isEqualTo(7L);
        assertThat(columns.get(1).filler().value(new Pojo())).isEqualTo(3);
    }

    @Test
    void valuesThatAreNotRowsAreRefused() {
        assertThatThrownBy(() -> ClassColumns.of(String.class)).hasMessageContaining("cannot read java.lang.String as a row");
    }
}
