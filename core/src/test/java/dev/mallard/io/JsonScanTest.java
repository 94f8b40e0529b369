package dev.mallard.io;

import static dev.mallard.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON files through SQL: read_json / read_ndjson / FROM 'x.json', COPY round trips, bad records. */
class JsonScanTest {
    @TempDir
    Path dir;
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:mallard:");
        s = c.createStatement();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private String q(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    @Test
    void recordsBecomeRows() throws Exception {
        Path f = dir.resolve("people.json");
        Files.writeString(f, "[{\"name\": \"Ann\", \"age\": 37, \"joined\": \"2020-01-05\"},\n {\"name\": \"Bob\", \"age\": null, \"tags\": [1, 2]}]");
        assertThat(rows(s, "SELECT name, age, joined, tags FROM " + q(f) + " ORDER BY name"))
                .containsExactly("Ann|37|2020-01-05|null", "Bob|null|null|[1,2]");
        assertThat(rows(s, "SELECT typeof(age), typeof(joined) FROM read_json(" + q(f) + ") LIMIT 1")).containsExactly("BIGINT|DATE");
        Path nd = dir.resolve("events.ndjson");
        Files.writeString(nd, "{\"id\": 1, \"v\": 2.5}\n{\"id\": 2, \"v\": 3}\n");
        assertThat(rows(s, "SELECT sum(id), sum(v) FROM read_ndjson(" + q(nd) + ")")).containsExactly("3|5.5");
        assertThat(rows(s, "SELECT v FROM read_json(" + q(nd) + ", columns = {'id': 'INTEGER', 'v': 'DOUBLE'}) WHERE id = 2"))
                .containsExactly("3.0");
    }

    @Test
    void copyToJsonReadsBack() throws Exception {
        s.execute("CREATE TABLE t AS SELECT i AS id, 'n' || i AS name, DATE '2024-01-01' + i::INTEGER AS day FROM range(5000) r(i)");
        Path f = dir.resolve("t.json");
        s.execute("COPY t TO " + q(f));
        assertThat(rows(s, "SELECT count(*), sum(id), max(name), max(day) FROM " + q(f)))
                .isEqualTo(rows(s, "SELECT count(*), sum(id), max(name), max(day) FROM t"));
        s.execute("CREATE TABLE back(id BIGINT, name VARCHAR, day DATE)");
        assertThat(s.executeUpdate("COPY back FROM " + q(f))).isEqualTo(5000);
        assertThat(rows(s, "SELECT count(*) FROM (SELECT * FROM t EXCEPT SELECT * FROM back)")).containsExactly("0");
    }

    @Test
    void badRecordsFailOrAreKept() throws Exception {
        Path f = dir.resolve("bad.ndjson");
        Files.writeString(f, "{\"a\": 1}\n{\"a\": 2}\n{\"a\": \"three\"}\n{\"a\": 4\n");
        assertThatThrownBy(() -> rows(s, "SELECT sum(a) FROM read_ndjson(" + q(f) + ", columns = {'a': 'BIGINT'})"))
                .hasMessageContaining("bad.ndjson").hasMessageContaining("line 3");
        assertThat(rows(s, "SELECT sum(a) FROM read_ndjson(" + q(f) + ", columns = {'a': 'BIGINT'}, ignore_errors = true)"))
                .containsExactly("3");
        assertThat(rows(s, "SELECT sum(a) FROM read_ndjson(" + q(f) + ", columns = {'a': 'BIGINT'}, store_rejects = true)"))
                .containsExactly("3");
        assertThat(rows(s, "SELECT line, error_type FROM reject_errors ORDER BY line")).containsExactly("3|CAST", "4|MALFORMED_JSON");
        assertThat(rows(s, "SELECT count(*) FROM reject_scans")).containsExactly("1");
    }

    @Test
    void unionByNameAndTheFilenameColumn() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"x\": 1, \"y\": \"p\"}\n");
        Files.writeString(dir.resolve("b.json"), "{\"y\": \"q\", \"z\": true}\n");
        assertThat(rows(s, "SELECT x, y, z, regexp_replace(filename, '.*/', '') FROM read_json(" + q(dir.resolve("*.json"))
                + ", union_by_name = true, filename = true) ORDER BY y")).containsExactly("1|p|null|a.json", "null|q|true|b.json");
    }
}
