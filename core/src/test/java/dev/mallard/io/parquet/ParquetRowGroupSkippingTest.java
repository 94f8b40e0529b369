package dev.mallard.io.parquet;

import static dev.mallard.io.parquet.ParquetTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.io.FormatScan;
import dev.mallard.storage.TableFilter;
import dev.mallard.storage.ZoneMap;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters tested against row-group statistics leave out the row groups that cannot match. */
class ParquetRowGroupSkippingTest {
    @TempDir
    Path dir;
    Path file;
    ParquetScan scan;

    /** 10,000 rows in row groups of 2,048, every column rising with the row number. */
    @BeforeEach
    void write() throws Exception {
        file = dir.resolve("sorted.parquet");
        try (Connection c = duck()) {
            exec(c, "COPY (SELECT i AS a, 'k' || lpad(i::VARCHAR, 6, '0') AS s, i / 4.0 AS d, (i / 8.0)::REAL AS r,"
                    + " DATE '2000-01-01' + i::INTEGER AS dt, TIMESTAMP '2000-01-01' + INTERVAL (i) MINUTE AS ts,"
                    + " (i / 100.0)::DECIMAL(10, 2) AS dec, i::SMALLINT AS sm, (i + 4000000000)::UINTEGER AS ui,"
                    + " CASE WHEN i >= 9000 THEN NULL ELSE i END AS n, i % 2 = 0 AS b"
                    + " FROM range(10000) t(i)) TO '" + file + "' (FORMAT parquet, COMPRESSION uncompressed, ROW_GROUP_SIZE 2048)");
        }
        scan = bind(file);
        assertThat(scan.rowGroupCount()).isEqualTo(5);
    }

    private int col(String name) {
        return scan.names().indexOf(name);
    }

    private List<FormatScan.Split> splits(TableFilter... filters) {
        return scan.splits(2, List.of(filters));
    }

    private static TableFilter eq(int column, Object constant) {
        return new TableFilter.Comparison(column, ZoneMap.EQUAL, constant);
    }

    @Test
    void anEqualityFilterKeepsOneRowGroupAndReadsOnlyIt() {
        List<FormatScan.Split> kept = splits(eq(col("a"), 5000L));
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).start()).isEqualTo(2); // rows 4096..6143
        List<String> rows = mallardRows(scan, new int[] {col("a")}, List.of(eq(col("a"), 5000L)));
        assertThat(rows).hasSize(2048).contains("5000").first().isEqualTo("4096");
    }

    @Test
    void everyOrderedTypeSkips() {
        assertThat(splits(eq(col("s"), "k009999"))).extracting(FormatScan.Split::start).containsExactly(4L);
        assertThat(splits(eq(col("d"), 10.0))).extracting(FormatScan.Split::start).containsExactly(0L);
        assertThat(splits(eq(col("r"), 1000.0))).extracting(FormatScan.Split::start).containsExactly(3L); // row 8000
        assertThat(splits(eq(col("dt"), 10957 + 2100))).extracting(FormatScan.Split::start).containsExactly(1L);
        long tsMicros = 946_684_800_000_000L + 7000L * 60_000_000L;
        assertThat(splits(eq(col("ts"), tsMicros))).extracting(FormatScan.Split::start).containsExactly(3L);
        assertThat(splits(eq(col("sm"), 9999))).extracting(FormatScan.Split::start).containsExactly(4L);
        assertThat(splits(eq(col("ui"), 4_000_000_001L))).extracting(FormatScan.Split::start).containsExactly(0L);
    }

    @Test
    void rangesInListsAndNullTests() {
        int a = col("a");
        assertThat(splits(new TableFilter.Comparison(a, ZoneMap.LESS, 100L))).hasSize(1);
        assertThat(splits(new TableFilter.Comparison(a, ZoneMap.GREATER | ZoneMap.EQUAL, 8192L))).hasSize(1);
        assertThat(splits(new TableFilter.Comparison(a, ZoneMap.GREATER, 20000L))).isEmpty();
        assertThat(splits(new TableFilter.InList(a, List.of(1L, 9000L)))).extracting(FormatScan.Split::start).containsExactly(0L, 4L);
        int n = col("n");
        assertThat(splits(new TableFilter.NullTest(n, false))).extracting(FormatScan.Split::start).containsExactly(4L);
        assertThat(splits(new TableFilter.NullTest(n, true))).hasSize(5);
        assertThat(splits(new TableFilter.NullTest(a, false))).isEmpty(); // no NULL anywhere
        // two filters: both must be possible in the same row group
        assertThat(splits(eq(a, 10L), eq(col("s"), "k009999"))).isEmpty();
        // booleans have no range: never skipped
        assertThat(splits(eq(col("b"), true))).hasSize(5);
    }

    @Test
    void decimalBoundsAreUnscaled() {
        // row 5000 holds 50.00, unscaled 5000: in row group 2 (rows 4096..6143)
        assertThat(splits(eq(col("dec"), 5000L))).extracting(FormatScan.Split::start).containsExactly(2L);
    }
}
