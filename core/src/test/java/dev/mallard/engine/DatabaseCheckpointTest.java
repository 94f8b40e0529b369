package dev.mallard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.storage.file.BlockFile;
import dev.mallard.storage.file.FileLayer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint written to a file rebuilds the same catalog, rows, constraints and views in a fresh database. */
class DatabaseCheckpointTest {
    @TempDir
    Path dir;

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(rs.getString(i)).append('|');
                out.add(b.toString());
            }
        }
        return out;
    }

    @Test
    void catalogAndRowsComeBack() throws SQLException {
        String[] queries = {
            "SELECT count(*), sum(id), sum(amount), min(d), max(name), count(note) FROM s.t",
            "SELECT * FROM s.t WHERE id IN (0, 1, 7, 123456, 299999) ORDER BY id",
            "SELECT * FROM v ORDER BY 1",
            "SELECT k, count(*) FROM u GROUP BY k ORDER BY k",
        };
        List<List<String>> before = new ArrayList<>();
        DatabaseInstance first = DatabaseInstance.shared("checkpoint-source");
        try (Connection c = DriverManager.getConnection("jdbc:mallard:memory:checkpoint-source"); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA s");
            s.execute("CREATE TABLE s.t(id INTEGER PRIMARY KEY, name VARCHAR NOT NULL DEFAULT 'x', amount DECIMAL(12,2),"
                    + " d DATE, note VARCHAR, CHECK (amount >= 0))");
            s.execute("INSERT INTO s.t SELECT i, 'name ' || (i % 977), i % 1000 * 0.25, DATE '2020-01-01' + CAST(i % 3000 AS INTEGER),"
                    + " CASE WHEN i % 3 = 0 THEN NULL ELSE 'n' || i END FROM range(300000) r(i)");
            s.execute("DELETE FROM s.t WHERE id % 10 = 5");
            s.execute("CREATE TABLE u(k VARCHAR, \"select\" BIGINT)");
            s.execute("INSERT INTO u VALUES ('a', 1), ('b', 2), ('a', 3), (NULL, 4)");
            s.execute("CREATE VIEW v(grp, total) AS SELECT k, sum(\"select\") FROM u GROUP BY k");
            for (String q : queries) before.add(rows(c, q));
            try (BlockFile file = BlockFile.create(dir.resolve("db.mallard"), FileLayer.LOCAL)) {
                long[] next = {0};
                DatabaseCheckpoint.write(first.catalog(), java.util.Map.of(), dev.mallard.storage.Snapshot.LATEST, file, () -> next[0]++, java.util.Set.of(), null);
            }
        }
        DatabaseInstance second = DatabaseInstance.shared("checkpoint-target");
        try (Connection c = DriverManager.getConnection("jdbc:mallard:memory:checkpoint-target")) {
            ClientContext client = second.connect();
            // the file stays open while queries read the segments it holds
            try (BlockFile file = BlockFile.open(dir.resolve("db.mallard"), FileLayer.LOCAL, true);
                 Statement s = c.createStatement()) {
                DatabaseCheckpoint.read(file, client::execute, second.catalog(), new java.util.HashMap<>(),
                        new dev.mallard.storage.BufferManager(new dev.mallard.storage.file.SegmentBlocks(file), Long.MAX_VALUE));
                for (int i = 0; i < queries.length; i++) assertThat(rows(c, queries[i])).as(queries[i]).isEqualTo(before.get(i));
                // constraints hold on the loaded rows, and new rows go in
                assertThatThrownBy(() -> s.execute("INSERT INTO s.t(id, amount) VALUES (7, 1)")).hasMessageContaining("7");
                assertThatThrownBy(() -> s.execute("INSERT INTO s.t(id, amount) VALUES (300001, -1)")).isInstanceOf(SQLException.class);
                s.execute("INSERT INTO s.t(id, amount) VALUES (5, 2)");
                assertThat(rows(c, "SELECT name, amount FROM s.t WHERE id = 5")).containsExactly("x|2.00|");
            }
        }
    }
}
