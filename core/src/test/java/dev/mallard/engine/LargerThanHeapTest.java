package dev.mallard.engine;

import static dev.mallard.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database bigger than the heap of the JVM that queries it: a child JVM with a heap smaller
 * than the database file (and far smaller than its rows in memory) scans it all, more than
 * once, and gets the answers the building JVM computed.
 */
class LargerThanHeapTest {
    static final int CHILD_HEAP_MB = 64;
    static final String[] QUERIES = {
        "SELECT count(*), sum(a), min(b), max(b), min(h), max(h) FROM big",
        "SELECT g, count(*), sum(a), round(avg(b), 6), max(h) FROM big GROUP BY g ORDER BY g",
        "SELECT count(*), sum(a) FROM big WHERE h LIKE 'ab%'",
    };

    @TempDir
    Path dir;

    @Test
    void aChildJvmWithASmallHeapQueriesTheWholeDatabase() throws Exception {
        Path db = dir.resolve("big.db");
        List<String> expected = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:mallard:" + db); Statement s = c.createStatement()) {
            // random numbers and hashes do not compress much: the file stays bigger than the child's heap
            s.execute("CREATE TABLE big AS SELECT i % 7 AS g, (random() * 1e15)::BIGINT AS a, random() AS b, md5(i::VARCHAR) AS h FROM range(3500000) r(i)");
            for (String q : QUERIES) expected.addAll(rows(s, q));
        }
        assertThat(Files.size(db)).as("file larger than the child's heap").isGreaterThan(CHILD_HEAP_MB * 1024L * 1024);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(java, "-Xmx" + CHILD_HEAP_MB + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Worker.class.getName(), db.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the child finished").isTrue();
        assertThat(p.exitValue()).as("child failed: " + Files.readString(err)).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        // every query twice: the second pass reads again the segments the first evicted
        List<String> twice = new ArrayList<>(expected);
        twice.addAll(expected);
        assertThat(lines.subList(0, lines.size() - 1)).isEqualTo(twice);
        String[] usage = lines.get(lines.size() - 1).split(" ");
        long memoryLimit = Long.parseLong(usage[1]);
        assertThat(memoryLimit).as("default limit: a share of the heap").isLessThan(CHILD_HEAP_MB * 1024L * 1024);
        assertThat(Long.parseLong(usage[0])).as("segments held").isLessThanOrEqualTo(memoryLimit);
    }

    /** The child: runs the queries twice on the file and prints the rows, then memory use and limit. */
    public static final class Worker {
        public static void main(String[] args) throws SQLException, IOException {
            try (Connection c = DriverManager.getConnection("jdbc:mallard:" + args[0]); Statement s = c.createStatement()) {
                for (int pass = 0; pass < 2; pass++) {
                    for (String q : QUERIES) for (String row : rows(s, q)) System.out.println(row);
                }
                try (java.sql.ResultSet rs = s.executeQuery("PRAGMA database_size")) {
                    rs.next();
                    System.out.println(rs.getLong("memory_usage") + " " + rs.getLong("memory_limit"));
                }
            }
        }
    }
}
