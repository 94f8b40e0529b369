package dev.mallard.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grouping on string columns read from Parquet dictionary pages, where the reader hands the
 * aggregate each row's dictionary code and the aggregate groups by codes: a file of many small
 * row groups, each with its own dictionary, whose flags come from different value sets, some row
 * groups with NULLs (no codes), one column whose dictionaries outgrow the codes, and a second
 * file where the flag is a number cast to text. Every answer is DuckDB's on the same files.
 */
class ParquetDictionaryGroupingTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void write() throws Exception {
        try (Connection duck = ParquetTestSupport.duck()) {
            ParquetTestSupport.exec(duck, "CREATE TABLE t AS SELECT range AS i, "
                    // flags from a value set that changes every 20,000 rows: row groups disagree on dictionaries
                    + "['A', 'B', 'C', 'D', 'E', 'F'][(range // 20000) % 3 + range % 4 + 1] AS flag, "
                    + "CASE WHEN range % 3 = 0 THEN 'O' ELSE 'F' END AS status, "
                    // NULLs in the row groups of the third quarter only
                    + "CASE WHEN range BETWEEN 50000 AND 74999 AND range % 7 = 0 THEN NULL ELSE ['x', 'y'][range % 2 + 1] END AS side, "
                    // 12 values early, 40 later: dictionaries beyond the codes
                    + "'v' || (range % CASE WHEN range < 40000 THEN 12 ELSE 40 END) AS wide, "
                    + "(range % 100) * 0.5 AS price, DATE '1995-01-01' + CAST(range % 1000 AS INTEGER) AS day FROM range(100000)");
            ParquetTestSupport.exec(duck, "COPY t TO '" + dir.resolve("a.parquet") + "' (FORMAT parquet, ROW_GROUP_SIZE 10000)");
            ParquetTestSupport.exec(duck, "COPY (SELECT i + 100000 AS i, (i % 3)::INTEGER AS flag, status, side, wide, price, day FROM t WHERE i < 30000) TO '"
                    + dir.resolve("b.parquet") + "' (FORMAT parquet, ROW_GROUP_SIZE 10000)");
        }
    }

    @Test
    void groupsOnDictionaryCodesAgreeWithDuckDb() throws Exception {
        String a = "read_parquet('" + dir.resolve("a.parquet") + "')";
        String both = "read_parquet(['" + dir.resolve("a.parquet") + "', '" + dir.resolve("b.parquet") + "'], union_by_name = true)";
        List<String> queries = List.of(
                "SELECT flag, status, count(*), sum(price), min(i), max(i) FROM %s GROUP BY flag, status",
                "SELECT flag, count(*), sum(price) FROM %s WHERE day <= DATE '1997-06-01' GROUP BY flag",
                "SELECT side, flag, count(*) FROM %s GROUP BY side, flag",
                "SELECT wide, status, count(*), sum(i) FROM %s GROUP BY wide, status",
                "SELECT status, side, flag, count(*) FROM %s WHERE i % 5 <> 1 GROUP BY ALL");
        for (int threads : new int[] {1, 2}) {
            for (String q : queries) {
                for (String from : List.of(a, both)) {
                    String sql = q.replace("%s", from);
                    assertEquals(rows(ParquetTestSupport.duck(), sql), rows(mallard(threads), sql), sql + " at " + threads + " threads");
                }
            }
        }
    }

    private static Connection mallard(int threads) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:mallard:");
        ParquetTestSupport.exec(c, "SET threads = " + threads);
        return c;
    }

    /** The answer as sorted text rows; closes the connection. */
    private static List<String> rows(Connection c, String sql) throws SQLException {
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    b.append(v instanceof Number x ? Double.toString(x.doubleValue()) : String.valueOf(v)).append('|');
                }
                out.add(b.toString());
            }
            out.sort(null);
            return out;
        }
    }
}
