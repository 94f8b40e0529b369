package dev.mallard.io;

import static dev.mallard.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.function.table.FileFormats;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY TO (CSV, JSON, partitioned folders) and COPY FROM through a read function. */
class CopyTest {
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
        s.execute("CREATE TABLE t(id INTEGER, name VARCHAR, price DECIMAL(8,2), day DATE, ok BOOLEAN)");
        s.execute("INSERT INTO t VALUES (1, 'plain', 1.50, DATE '2024-01-02', true), (2, 'with, comma', NULL, NULL, false),"
                + " (3, 'say \"hi\"', 3.00, DATE '2024-03-04', NULL), (4, '', 0.10, DATE '2024-01-02', true), (5, NULL, 5.55, NULL, true)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private String q(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() throws Exception {
        Path f = dir.resolve("t.csv");
        s.execute("COPY t TO " + q(f) + " (HEADER, DELIMITER ',')");
        assertThat(Files.readString(f)).isEqualTo("""
                id,name,price,day,ok
                1,plain,1.50,2024-01-02,true
                2,"with, comma",,,false
                3,"say ""hi\""",3.00,2024-03-04,
                4,"",0.10,2024-01-02,true
                5,,5.55,,true
                """);
        Path g = dir.resolve("q.csv.gz");
        assertThat(s.executeUpdate("COPY (SELECT id, name FROM t WHERE id > 3) TO " + q(g) + " (FORMAT csv, HEADER false, DELIMITER '|')"))
                .isEqualTo(2);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(g))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("4|\"\"\n5|\n");
        }
    }

    @Test
    void jsonWritesOneObjectPerRowOrAnArray() throws Exception {
        Path f = dir.resolve("t.json");
        s.execute("COPY (SELECT id, name, price, day, ok FROM t WHERE id IN (1, 3, 5)) TO " + q(f));
        assertThat(Files.readString(f)).isEqualTo("""
                {"id":1,"name":"plain","price":1.50,"day":"2024-01-02","ok":true}
                {"id":3,"name":"say \\"hi\\"","price":3.00,"day":"2024-03-04","ok":null}
                {"id":5,"name":null,"price":5.55,"day":null,"ok":true}
                """);
        Path a = dir.resolve("a.json");
        s.execute("COPY (SELECT id FROM t WHERE id < 3) TO " + q(a) + " (FORMAT json, ARRAY true)");
        assertThat(Files.readString(a)).isEqualTo("[\n{\"id\":1},\n{\"id\":2}\n]\n");
    }

    @Test
    void partitionByWritesAHiveFolderTree() throws Exception {
        Path out = dir.resolve("parts");
        assertThat(s.executeUpdate("COPY t TO " + q(out) + " (FORMAT csv, PARTITION_BY (ok))")).isEqualTo(5);
        assertThat(Files.readString(out.resolve("ok=true/data_0.csv"))).isEqualTo("""
                id,name,price,day
                1,plain,1.50,2024-01-02
                4,"",0.10,2024-01-02
                5,,5.55,
                """);
        assertThat(Files.exists(out.resolve("ok=false/data_0.csv"))).isTrue();
        assertThat(Files.exists(out.resolve("ok=NULL/data_0.csv"))).isTrue();
        assertThatThrownBy(() -> s.execute("COPY t TO " + q(out) + " (FORMAT csv, PARTITION_BY (ok))"))
                .hasMessageContaining("not empty").hasMessageContaining("OVERWRITE");
        s.execute("COPY (SELECT * FROM t WHERE id = 1) TO " + q(out) + " (FORMAT csv, PARTITION_BY (ok, day), OVERWRITE)");
        assertThat(Files.exists(out.resolve("ok=false"))).isFalse();
        assertThat(Files.readString(out.resolve("ok=true/day=2024-01-02/data_0.csv"))).isEqualTo("id,name,price\n1,plain,1.50\n");
        assertThatThrownBy(() -> s.execute("COPY t TO " + q(dir.resolve("x")) + " (PARTITION_BY (nope))"))
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> s.execute("COPY t TO " + q(dir.resolve("x.csv")) + " (FORMAT csv, HEADR true)"))
                .hasMessageContaining("unknown option \"headr\"");
    }

    @Test
    void copyFromInsertsWhatTheReaderReads() throws Exception {
        Path f = dir.resolve("in.ints");
        Files.writeString(f, "a,b\n10,100\n20,\n");
        s.execute("CREATE TABLE n(x BIGINT, y INTEGER)");
        assertThat(s.executeUpdate("COPY n FROM " + q(f) + " (FORMAT intlines)")).isEqualTo(2);
        assertThat(rows(s, "SELECT x, y FROM n ORDER BY x")).containsExactly("10|100", "20|null");
        s.execute("CREATE TABLE m(x BIGINT, y INTEGER NOT NULL)");
        assertThatThrownBy(() -> s.execute("COPY m FROM " + q(f) + " (FORMAT intlines)")).isInstanceOf(SQLException.class);
        assertThat(rows(s, "SELECT count(*) FROM m")).containsExactly("0");
    }
}
