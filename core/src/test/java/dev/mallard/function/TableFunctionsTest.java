package dev.mallard.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.function.table.TableFunctions;
import dev.mallard.types.DateTimes;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFunctionsTest {
    private static Values.Typed big(long v) {
        return new Values.Typed(LogicalType.BIGINT, v);
    }

    private static List<Object> rows(BoundTableFunction f) {
        List<Object> out = new ArrayList<>();
        BoundTableFunction.Reader r = f.open();
        DataChunk chunk = new DataChunk(f.columnTypes());
        while (true) {
            chunk.reset();
            if (!r.next(chunk)) break;
            for (int k = 0; k < chunk.count(); k++) out.add(chunk.getObject(0, k));
        }
        return out;
    }

    @Test
    void rangeExcludesTheEndAndGenerateSeriesIncludesIt() {
        BoundTableFunction range = TableFunctions.bind("range", List.of(big(3)));
        assertThat(range.columnNames()).containsExactly("range");
        assertThat(range.columnTypes()).containsExactly(LogicalType.BIGINT);
        assertThat(rows(range)).containsExactly(0L, 1L, 2L);
        BoundTableFunction series = TableFunctions.bind("GENERATE_SERIES", List.of(big(1), big(3)));
        assertThat(series.columnNames()).containsExactly("generate_series");
        assertThat(rows(series)).containsExactly(1L, 2L, 3L);
        assertThat(rows(TableFunctions.bind("range", List.of(big(10), big(0), big(-3))))).containsExactly(10L, 7L, 4L, 1L);
        assertThat(rows(TableFunctions.bind("generate_series", List.of(big(10), big(0), big(-5))))).containsExactly(10L, 5L, 0L);
        assertThat(rows(TableFunctions.bind("range", List.of(big(5), big(1))))).isEmpty();
        assertThat(rows(TableFunctions.bind("range", List.of(new Values.Typed(LogicalType.INTEGER, 2))))).containsExactly(0L, 1L);
        assertThat(rows(TableFunctions.bind("range", List.of(new Values.Typed(LogicalType.NULL, null))))).isEmpty();
    }

    @Test
    void largeRangesSpanManyChunks() {
        BoundTableFunction f = TableFunctions.bind("range", List.of(big(2048 * 3 + 5)));
        assertThat(f.estimatedRows()).isEqualTo(6149);
        List<Object> rows = rows(f);
        assertThat(rows).hasSize(6149);
        assertThat(rows.get(6148)).isEqualTo(6148L);
    }

    @Test
    void timestampSeriesStepByIntervals() {
        long jan31 = DateTimes.parseTimestamp("2020-01-31");
        BoundTableFunction f = TableFunctions.bind("generate_series", List.of(
                new Values.Typed(LogicalType.TIMESTAMP, jan31),
                new Values.Typed(LogicalType.DATE, DateTimes.parseDate("2020-04-30")),
                new Values.Typed(LogicalType.INTERVAL, new Interval(1, 0, 0))));
        assertThat(f.columnTypes()).containsExactly(LogicalType.TIMESTAMP);
        assertThat(rows(f).stream().map(v -> DateTimes.formatTimestamp((Long) v)).toList())
                .containsExactly("2020-01-31 00:00:00", "2020-02-29 00:00:00", "2020-03-29 00:00:00", "2020-04-29 00:00:00");
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> TableFunctions.bind("rnage", List.of(big(1)))).isInstanceOf(MallardException.Catalog.class);
        assertThatThrownBy(() -> TableFunctions.bind("range", List.of(big(1), big(2), big(0)))).hasMessageContaining("zero");
        assertThatThrownBy(() -> TableFunctions.bind("range", List.of(new Values.Typed(LogicalType.VARCHAR, "x"))))
                .isInstanceOf(MallardException.Catalog.class);
    }
}
