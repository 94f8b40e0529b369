package dev.mallard.io.parquet;

import static dev.mallard.io.parquet.ParquetTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.JdbcRows;
import dev.mallard.types.LogicalType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nested columns (LIST, STRUCT, MAP, in any nesting) read as VARCHAR holding JSON, compared with DuckDB's to_json. */
class ParquetNestedTest {
    @TempDir
    Path dir;

    static final String NESTED = """
            SELECT i AS id,
              CASE WHEN i % 11 = 5 THEN NULL WHEN i % 13 = 0 THEN [] ELSE [i, NULL, i * 2] END AS ints,
              CASE WHEN i % 7 = 1 THEN NULL ELSE ['a' || i, 'b "q" \\ ' || (i % 3)] END AS strs,
              CASE WHEN i % 9 = 2 THEN NULL ELSE {'x': i, 'y': CASE WHEN i % 2 = 0 THEN NULL ELSE 'odd' END,
                 'z': [i % 4, i % 5], 'w': {'deep': i / 2.0}} END AS st,
              CASE WHEN i % 6 = 3 THEN NULL ELSE MAP(['k' || (i % 3), 'other'], [i, NULL]) END AS mp,
              CASE WHEN i % 8 = 7 THEN NULL ELSE [{'a': i, 'b': [DATE '2020-01-01' + (i % 30)::INTEGER]}, NULL] END AS list_of_structs,
              CASE WHEN i % 10 = 4 THEN NULL ELSE [[i], [], NULL, [i + 1, i + 2]] END AS list_of_lists,
              (i * 1.25)::DECIMAL(10, 2) AS after
            FROM range(ROWS) t(i)""";

    @ParameterizedTest
    @ValueSource(strings = {"COMPRESSION uncompressed", "COMPRESSION gzip, PARQUET_VERSION V2"})
    void nestedColumnsReadAsJson(String options) throws Exception {
        Path p = dir.resolve("nested.parquet");
        try (Connection c = duck()) {
            exec(c, "COPY (" + NESTED.replace("ROWS", "3000") + ") TO '" + p + "' (FORMAT parquet, " + options + ", ROW_GROUP_SIZE 2048)");
            ParquetScan scan = bind(p);
            assertThat(scan.names()).containsExactly("id", "ints", "strs", "st", "mp", "list_of_structs", "list_of_lists", "after");
            assertThat(scan.types()).containsExactly(LogicalType.BIGINT, LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR,
                    LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.decimal(10, 2));
            List<String> mine = mallardRows(p);
            assertThat(mine).hasSize(3000);
            assertThat(mine.get(1)).isEqualTo("1|[1, null, 2]|null|{\"x\": 1, \"y\": \"odd\", \"z\": [1, 1], \"w\": {\"deep\": 0.5}}|"
                    + "{\"k1\": 1, \"other\": null}|[{\"a\": 1, \"b\": [\"2020-01-02\"]}, null]|[[1], [], null, [2, 3]]|1.25");
            assertThat(mine.get(0)).startsWith("0|[]|");
            assertThat(mine.get(5)).startsWith("5|null|");
            // every row: Mallard's JSON, normalized by DuckDB, equals DuckDB's to_json of the same value
            List<String> theirs = JdbcRows.rows(c, "SELECT id, to_json(ints), to_json(strs), to_json(st), to_json(mp),"
                    + " to_json(list_of_structs), to_json(list_of_lists), after FROM read_parquet('" + p + "')");
            try (PreparedStatement norm = c.prepareStatement("SELECT json(?)::VARCHAR")) {
                for (int r = 0; r < mine.size(); r++) {
                    String[] m = mine.get(r).split("\\|", -1), t = theirs.get(r).split("\\|", -1);
                    assertThat(m[0]).isEqualTo(t[0]);
                    assertThat(m[7]).isEqualTo(t[7]);
                    for (int k = 1; k < 7; k++) {
                        if (m[k].equals("null")) {
                            assertThat(t[k]).as("row %d column %d", r, k).isEqualTo("null");
                            continue;
                        }
                        norm.setString(1, m[k]);
                        try (ResultSet rs = norm.executeQuery()) {
                            rs.next();
                            assertThat(rs.getString(1)).as("row %d column %d: %s", r, k, m[k]).isEqualTo(t[k]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void projectionOfFlatColumnsNextToNestedOnesSkipsThem() throws Exception {
        Path p = dir.resolve("n.parquet");
        try (Connection c = duck()) {
            exec(c, "COPY (" + NESTED.replace("ROWS", "100") + ") TO '" + p + "' (FORMAT parquet, COMPRESSION uncompressed)");
        }
        ParquetScan scan = bind(p);
        assertThat(mallardRows(scan, new int[] {7, 0}, List.of())).hasSize(100).startsWith("0.00|0", "1.25|1");
    }
}
