package dev.mallard.io;

import static dev.mallard.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.function.table.FileFormats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans of files apart from any real format (see {@link IntLinesFormat}): globs, compression, partitions, options, pushdown, order. */
class FileScanTest {
    @TempDir
    Path dir;
    private Connection c;
    private Statement s;

    @BeforeAll
    static void register() {
        FileFormats.register(new IntLinesFormat(), List.of("ints"), Map.of("read_intlines", Map.of()));
    }

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:mallard:");
        s = c.createStatement();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private String q(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    @Test
    void aFileByItsNameIsATable() throws Exception {
        Path f = write("t.ints", "a,b\n1,10\n2,\n3,30\n");
        assertThat(rows(s, "SELECT a, b FROM " + q(f) + " ORDER BY a")).containsExactly("1|10", "2|null", "3|30");
        assertThat(rows(s, "SELECT t.b FROM " + q(f) + " WHERE a = 3")).containsExactly("30");
        assertThat(rows(s, "SELECT x.a FROM " + q(f) + " AS x(a, b) WHERE b IS NULL")).containsExactly("2");
        assertThat(rows(s, "SELECT count(*) FROM " + q(f))).containsExactly("3");
        s.execute("CREATE TABLE copy AS FROM " + q(f));
        assertThat(rows(s, "SELECT sum(b) FROM copy")).containsExactly("40");
    }

    /** A join's build filters the file scan on its probe side, which the plan shows (answers: sql/joins/join_filter_files.test). */
    @Test
    void joinFiltersReachFileScans() throws Exception {
        StringBuilder text = new StringBuilder("k,v\n");
        for (int i = 0; i < 50_000; i++) text.append(i).append(',').append(i % 7).append('\n');
        Path f = write("fact.ints", text.toString());
        s.execute("CREATE TABLE dim AS SELECT i * 100 AS k FROM range(20) t(i)");
        String join = "SELECT count(*), sum(f.v) FROM " + q(f) + " f JOIN dim ON f.k = dim.k";
        String plan = String.join("\n", rows(s, "EXPLAIN " + join));
        assertThat(plan).containsPattern("TABLE_FUNCTION .*join filter: k");
        assertThat(rows(s, join)).containsExactly("20|" + java.util.stream.IntStream.range(0, 20).map(i -> i * 100 % 7).sum());
        // joins that must keep unmatched probe rows get none
        assertThat(String.join("\n", rows(s, "EXPLAIN SELECT count(*) FROM " + q(f) + " f LEFT JOIN dim ON f.k = dim.k")))
                .doesNotContain("join filter");
    }

    @Test
    void globsListsAndTheFilenameColumn() throws Exception {
        for (int i = 1; i <= 3; i++) write("d/part" + i + ".ints", "a\n" + i + "\n" + (i * 10) + "\n");
        write("d/other.txt", "not read");
        assertThat(rows(s, "SELECT a FROM " + q(dir.resolve("d/*.ints")))).containsExactly("1", "10", "2", "20", "3", "30");
        assertThat(rows(s, "SELECT a, replace(filename, " + q(dir) + ", '') FROM read_intlines(" + q(dir.resolve("d/part*.ints"))
                + ", filename = true) WHERE a > 15")).containsExactly("20|/d/part2.ints", "30|/d/part3.ints");
        assertThat(rows(s, "SELECT count(*) FROM read_intlines([" + q(dir.resolve("d/part1.ints")) + ", " + q(dir.resolve("d/part3.ints"))
                + "])")).containsExactly("4");
        write("deep/x/y/z.ints", "a\n7\n");
        assertThat(rows(s, "SELECT a FROM " + q(dir.resolve("deep/**/*.ints")))).containsExactly("7");
        assertThatThrownBy(() -> s.executeQuery("SELECT * FROM " + q(dir.resolve("nothing/*.ints"))))
                .hasMessageContaining("no files match");
        assertThatThrownBy(() -> s.executeQuery("SELECT * FROM " + q(dir.resolve("missing.ints"))))
                .hasMessageContaining("missing.ints does not exist");
        assertThatThrownBy(() -> s.executeQuery("SELECT * FROM " + q(dir.resolve("d/other.txt"))))
                .hasMessageContaining("cannot tell the format");
    }

    @Test
    void filesWithOtherColumnsNeedUnionByName() throws Exception {
        write("u/1.ints", "a,b\n1,2\n");
        write("u/2.ints", "b,c\n3,4\n");
        assertThatThrownBy(() -> rows(s, "SELECT * FROM " + q(dir.resolve("u/*.ints")) + " ORDER BY 1"))
                .hasMessageContaining("union_by_name");
        assertThat(rows(s, "SELECT a, b, c FROM read_intlines(" + q(dir.resolve("u/*.ints")) + ", union_by_name = true)"))
                .containsExactly("1|2|null", "null|3|4");
    }

    @Test
    void gzipAndZipAreReadThrough() throws Exception {
        Path gz = dir.resolve("g.ints.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a\n5\n6\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(rows(s, "SELECT sum(a) FROM " + q(gz))).containsExactly("11");
        Path zip = dir.resolve("z.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("inner/one.ints"));
            out.write("a\n8\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(rows(s, "SELECT a FROM read_intlines(" + q(zip) + ")")).containsExactly("8");
        assertThat(rows(s, "SELECT a FROM " + q(dir.resolve("z.zip/inner/one.ints")))).containsExactly("8");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(dir.resolve("two.zip")))) {
            for (String n : List.of("x.ints", "y.ints")) {
                out.putNextEntry(new ZipEntry(n));
                out.write("a\n1\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> s.executeQuery("SELECT * FROM read_intlines(" + q(dir.resolve("two.zip")) + ")"))
                .hasMessageContaining("holds 2 files").hasMessageContaining("two.zip/x.ints");
    }

    @Test
    void hivePartitionsBecomeColumnsAndPruneFiles() throws Exception {
        for (int year = 2021; year <= 2024; year++) {
            for (String state : List.of("OR", "WA")) write("lake/year=" + year + "/state=" + state + "/data.ints", "v\n" + year % 100 + "\n1\n");
        }
        String lake = q(dir.resolve("lake/**/*.ints"));
        assertThat(rows(s, "SELECT year, state, sum(v) FROM " + lake + " GROUP BY ALL ORDER BY ALL")).hasSize(8).contains("2023|WA|24");
        assertThat(rows(s, "SELECT typeof(year), typeof(state) FROM " + lake + " LIMIT 1")).containsExactly("BIGINT|VARCHAR");
        long before = FileInput.openedCount();
        assertThat(rows(s, "SELECT sum(v) FROM " + lake + " WHERE year = 2022 AND state = 'OR'")).containsExactly("23");
        // only the matching file is opened (the first file is read at bind time for the schema)
        assertThat(FileInput.openedCount() - before).isLessThanOrEqualTo(2);
        before = FileInput.openedCount();
        assertThat(rows(s, "SELECT count(*) FROM " + lake + " WHERE year >= 2023")).containsExactly("8");
        assertThat(FileInput.openedCount() - before).isLessThanOrEqualTo(5);
        assertThat(rows(s, "SELECT count(*) FROM read_intlines(" + lake + ", hive_partitioning = false)")).containsExactly("16");
        assertThat(rows(s, "SELECT typeof(year) FROM read_intlines(" + lake + ", hive_types = {'year': 'VARCHAR'}) LIMIT 1"))
                .containsExactly("VARCHAR");
    }

    @Test
    void manyPiecesReadInParallelKeepTheFileOrder() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 100_000; i++) sb.append(i).append(',').append(i % 7).append('\n');
        Path f = write("big.ints", sb.toString());
        s.execute("SET threads = 4");
        List<String> got = rows(s, "SELECT a FROM read_intlines(" + q(f) + ", pieces = 37)");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) expected.add(String.valueOf(i));
        assertThat(got).isEqualTo(expected);
        assertThat(rows(s, "SELECT b, count(*) FROM read_intlines(" + q(f) + ", pieces = 37) GROUP BY b ORDER BY b")).hasSize(7)
                .startsWith("0|14286");
        assertThat(rows(s, "SELECT count(*) FROM read_intlines(" + q(f) + ", pieces = 37) LIMIT 1")).containsExactly("100000");
        assertThat(rows(s, "SELECT a FROM read_intlines(" + q(f) + ", pieces = 37) LIMIT 3")).containsExactly("0", "1", "2");
    }

    @Test
    void optionsAreCheckedByName() throws Exception {
        Path f = write("o.ints", "a\n1\n");
        assertThatThrownBy(() -> s.executeQuery("SELECT * FROM read_intlines(" + q(f) + ", peices = 2)"))
                .hasMessageContaining("unknown option \"peices\"").hasMessageContaining("pieces");
        assertThatThrownBy(() -> s.executeQuery("SELECT * FROM read_intlines(42)")).hasMessageContaining("file name");
        assertThatThrownBy(() -> s.executeQuery("SELECT [1, 2]")).hasMessageContaining("list values are not supported");
    }
}
