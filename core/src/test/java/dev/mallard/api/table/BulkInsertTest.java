package dev.mallard.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.Mallard;
import dev.mallard.MallardException;
import dev.mallard.api.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table API's writes on Mallard, which go as vectors ({@link BulkInsert}): many rounds of
 * sparse rows, widening and errors after earlier rounds were appended, transactions, key
 * numbering, defaults, and ON CONFLICT over vectors.
 */
class BulkInsertTest {
    /** More rows than one round, so that a call appends more than once. */
    static final int ROWS = BulkInsert.ROUND + 5_000;

    Database db;

    @BeforeEach
    void open() {
        db = Mallard.open();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Row i: key i, and each other column left out for some rows (a sparse row, as HashMaps from real data are). */
    static Map<String, Object> sparse(int i) {
        Map<String, Object> row = new HashMap<>();
        row.put("k", (long) i);
        if (i % 3 != 0) row.put("n", i % 1000);
        if (i % 4 != 0) row.put("x", i / 4.0);
        if (i % 5 != 0) row.put("s", "s" + (i % 7));
        if (i % 6 != 0) row.put("d", LocalDate.of(2020, 1, 1).plusDays(i % 365));
        if (i % 7 != 0) row.put("b", i % 2 == 0);
        return row;
    }

    static List<Map<String, Object>> sparseRows(int n) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) rows.add(sparse(i));
        return rows;
    }

    private long scalar(String sql) {
        return ((Number) db.sql(sql).toMaps().get(0).values().iterator().next()).longValue();
    }

    @Test
    void manySparseRowsOverSeveralRounds() {
        Table t = db.table("t");
        assertThat(t.insertMany(sparseRows(ROWS))).isEqualTo(ROWS);
        assertThat(t.columns()).containsExactlyInAnyOrder("id", "k", "n", "x", "s", "d", "b");
        assertThat(t.columnTypes()).containsEntry("n", ColumnType.BIGINT).containsEntry("x", ColumnType.DOUBLE)
                .containsEntry("s", ColumnType.TEXT).containsEntry("d", ColumnType.DATE).containsEntry("b", ColumnType.BOOLEAN);
        long n = ROWS;
        assertThat(scalar("SELECT count(*) FROM t")).isEqualTo(n);
        assertThat(scalar("SELECT min(id) FROM t")).isEqualTo(1);
        assertThat(scalar("SELECT max(id) FROM t")).isEqualTo(n);
        assertThat(scalar("SELECT count(*) FROM t WHERE id <> k + 1")).as("ids follow the rows' order").isZero();
        long nulls = 0, sum = 0;
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) nulls++;
            else sum += i % 1000;
        }
        assertThat(scalar("SELECT count(*) FROM t WHERE n IS NULL")).isEqualTo(nulls);
        assertThat(scalar("SELECT sum(n) FROM t")).isEqualTo(sum);
        assertThat(scalar("SELECT count(*) FROM t WHERE s IS NULL")).isEqualTo((n + 4) / 5);
        Map<String, Object> row = t.findOne(Map.of("k", 12_346L)).orElseThrow();
        assertThat(row).containsEntry("n", 346L).containsEntry("x", 12_346 / 4.0).containsEntry("s", "s" + (12_346 % 7))
                .containsEntry("d", LocalDate.of(2020, 1, 1).plusDays(12_346 % 365)).containsEntry("b", true);
        assertThat(t.findOne(Map.of("k", 12_345L)).orElseThrow()).containsEntry("n", null).containsEntry("s", null);
    }

    @Test
    void aColumnWidensInALaterRound() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) rows.add(row("k", i, "v", i < BulkInsert.ROUND ? (Object) (long) i : i + 0.5, "w", "w"));
        assertThatThrownBy(() -> db.table("t").insertMany(rows)).isInstanceOf(MallardException.class)
                .hasMessageContaining("column \"v\"").hasMessageContaining("BIGINT").hasMessageContaining("withWidening");
        assertThat(db.table("t").exists()).as("nothing half-written: not even the table").isFalse();

        Table wide = db.table("t", TableOptions.defaults().withWidening());
        assertThat(wide.insertMany(rows)).isEqualTo(ROWS);
        assertThat(wide.columnTypes()).containsEntry("v", ColumnType.DOUBLE);
        assertThat(scalar("SELECT count(*) FROM t WHERE v = k")).isEqualTo(BulkInsert.ROUND);
        assertThat(scalar("SELECT count(*) FROM t WHERE v = k + 0.5")).isEqualTo(ROWS - BulkInsert.ROUND);
        assertThat(scalar("SELECT count(*) FROM t WHERE w = 'w'")).as("the columns after the retyped one").isEqualTo(ROWS);
    }

    @Test
    void anErrorInALaterRoundLeavesNothingWritten() {
        Table t = db.table("t");
        t.insertMany(sparseRows(10));
        List<Map<String, Object>> rows = sparseRows(ROWS);
        rows.get(ROWS - 3).put("n", new Object());
        assertThatThrownBy(() -> t.insertMany(rows)).hasMessageContaining("cannot store a value of Java type java.lang.Object");
        assertThat(t.count()).isEqualTo(10);

        List<Map<String, Object>> clash = sparseRows(ROWS);
        clash.get(ROWS - 1).put("id", 3L);
        assertThatThrownBy(() -> t.insertMany(clash)).isInstanceOf(MallardException.class).hasMessageContaining("duplicate key")
                .hasMessageContaining("(id)=(3)");
        assertThat(t.count()).isEqualTo(10);

        // a failure of the first round's append, which runs while the caller reads the next round
        List<Map<String, Object>> early = sparseRows(ROWS);
        early.get(5).put("id", 3L);
        assertThatThrownBy(() -> t.insertMany(early)).isInstanceOf(MallardException.class).hasMessageContaining("duplicate key")
                .hasMessageContaining("(id)=(3)");
        assertThat(t.count()).isEqualTo(10);
        assertThat(t.insertMany(sparseRows(ROWS))).as("the connection is free again").isEqualTo(ROWS);
        assertThat(t.count()).isEqualTo(10 + ROWS);

        Table decimals = db.table("money", TableOptions.defaults().withType("amount", ColumnType.DECIMAL));
        decimals.insert(Map.of("amount", 1));
        BigDecimal huge = new BigDecimal("1" + "0".repeat(35));
        assertThatThrownBy(() -> decimals.insertMany(List.of(Map.of("amount", 2), Map.of("amount", huge))))
                .hasMessageContaining("column \"amount\"").hasMessageContaining("DECIMAL").hasMessageContaining("1000000");
        assertThat(decimals.count()).isEqualTo(1);
    }

    @Test
    void aTransactionRollsBackEveryRound() {
        try (var tx = db.begin()) {
            assertThat(tx.table("t").insertMany(sparseRows(ROWS))).isEqualTo(ROWS);
            assertThat(tx.table("t").count()).isEqualTo(ROWS);
            tx.rollback();
        }
        assertThat(db.table("t").exists()).isFalse();
        try (var tx = db.begin()) {
            tx.table("t").insertMany(sparseRows(100));
            tx.table("t").insertMany(sparseRows(100));
            tx.commit();
        }
        assertThat(db.table("t").count()).isEqualTo(200);
    }

    @Test
    void othersSeeTheRowsOfEveryRoundOnceTheTransactionCommits() {
        Table t = db.table("t");
        t.insertMany(sparseRows(1_000)); // later rounds start inside a row group
        try (var tx = db.begin()) {
            assertThat(tx.table("t").insertMany(sparseRows(2 * BulkInsert.ROUND + 777))).isEqualTo(2 * BulkInsert.ROUND + 777);
            assertThat(t.count()).as("another session, before the commit").isEqualTo(1_000);
            tx.commit();
        }
        assertThat(t.count()).isEqualTo(1_000 + 2 * BulkInsert.ROUND + 777);
        assertThat(scalar("SELECT count(*) FROM t WHERE id <> k + 1 AND id > 1000")).isEqualTo(2 * BulkInsert.ROUND + 777);
        assertThat(scalar("SELECT count(*) FROM t WHERE id = k + 1001")).as("ids follow the rows' order").isEqualTo(2 * BulkInsert.ROUND + 777);
    }

    @Test
    void callsThatEndNearARoundsEndWriteEveryRowOnce() {
        // The rows a little past a round join it when the call's rows end there, and are carried
        // into the next round when they do not: sizes on each side of those limits, with a column
        // that first appears in the rows read past a round.
        int extra = BulkInsert.ROUND / 4;
        int[] sizes = {BulkInsert.ROUND - 1, BulkInsert.ROUND, BulkInsert.ROUND + 1, BulkInsert.ROUND + extra,
            BulkInsert.ROUND + extra + 1, 2 * BulkInsert.ROUND + extra + 5};
        for (int n : sizes) {
            List<Map<String, Object>> rows = sparseRows(n);
            int late = Math.min(n - 1, BulkInsert.ROUND + 10);
            rows.get(late).put("late", "yes");
            String name = "r" + n;
            assertThat(db.table(name).insertMany(rows)).as("%d rows", n).isEqualTo(n);
            assertThat(scalar("SELECT count(*) FROM " + name)).isEqualTo(n);
            assertThat(scalar("SELECT count(*) FROM " + name + " WHERE id = k + 1")).as("%d rows in order", n).isEqualTo(n);
            assertThat(scalar("SELECT k FROM " + name + " WHERE late = 'yes'")).isEqualTo(late);
            assertThat(scalar("SELECT sum(k) FROM " + name)).isEqualTo((long) n * (n - 1) / 2);
        }
    }

    @Test
    void aNullRowIsAnError() {
        assertThatThrownBy(() -> db.table("t").insert(null)).hasMessageContaining("a row must not be null");
        List<Object> rows = new ArrayList<>();
        rows.add(Map.of("a", 1));
        rows.add(null);
        assertThatThrownBy(() -> db.table("t").insertMany(rows)).hasMessageContaining("a row must not be null");
        assertThat(db.table("t").exists()).isFalse();
    }

    @Test
    void nullKeysAreNumberedAfterTheKeysRowsGive() {
        Table t = db.table("t");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("id", null, "a", 1));
        rows.add(row("a", 2));
        rows.add(row("id", 10, "a", 3));
        rows.add(row("id", null, "a", 4));
        rows.add(row());
        assertThat(t.insertMany(rows)).isEqualTo(5);
        assertThat(t.all().toMaps()).extracting(r -> r.get("id") + ":" + r.get("a")).containsExactly("1:1", "2:2", "10:3", "11:4", "12:null");
        assertThat(t.insert(Map.of("a", 5))).isEqualTo(13L);
    }

    @Test
    void columnsNoRowNamesTakeTheirDefaults() {
        db.sql("CREATE TABLE made (id BIGINT PRIMARY KEY, a BIGINT, b VARCHAR DEFAULT 'x', c BIGINT DEFAULT 7 CHECK (c > 0))");
        Table t = db.table("made");
        t.insertMany(List.of(Map.of("a", 1), Map.of("a", 2)));
        assertThat(t.all().toMaps()).extracting(r -> r.get("id") + ":" + r.get("a") + ":" + r.get("b") + ":" + r.get("c"))
                .containsExactly("1:1:x:7", "2:2:x:7");
        assertThatThrownBy(() -> t.insertMany(List.of(Map.of("a", 3), Map.of("a", 4, "c", -1)))).hasMessageContaining("CHECK");
        assertThat(t.count()).isEqualTo(2);
    }

    @Test
    void upsertAndInsertIgnoreRunOverVectors() {
        Table t = db.table("t");
        t.insertMany(sparseRows(ROWS));
        List<Map<String, Object>> changes = new ArrayList<>();
        changes.add(row("k", 1L, "n", -1));                // left out: x, s, d, b keep their values
        changes.add(row("k", 2L, "s", null));              // set to NULL on purpose
        changes.add(row("k", (long) ROWS, "n", 5));        // new
        changes.add(row("k", 1L, "x", -2.0));              // repeats a key: merged, later values win
        assertThat(t.upsertMany(changes, "k")).isEqualTo(3);
        assertThat(t.count()).isEqualTo(ROWS + 1);
        Map<String, Object> one = t.findOne(Map.of("k", 1L)).orElseThrow();
        assertThat(one).containsEntry("n", -1L).containsEntry("x", -2.0).containsEntry("s", "s1").containsEntry("id", 2L);
        assertThat(t.findOne(Map.of("k", 2L)).orElseThrow()).containsEntry("s", null).containsEntry("n", 2L);
        // every upserted row takes a number, as a sequence would; the stored rows keep theirs
        assertThat((Long) t.findOne(Map.of("k", (long) ROWS)).orElseThrow().get("id")).isGreaterThan(ROWS);
        assertThat(t.findOne(Map.of("k", (long) ROWS)).orElseThrow()).containsEntry("n", 5L);

        assertThat(t.insertIgnoreMany(List.of(Map.of("k", 4L, "n", 0), Map.of("k", -1L, "n", 0), Map.of("k", -1L, "n", 1)), "k")).isEqualTo(1);
        assertThat(t.findOne(Map.of("k", 4L)).orElseThrow()).containsEntry("n", 4L);
        assertThat(t.findOne(Map.of("k", -1L)).orElseThrow()).containsEntry("n", 0L);
    }

    @Test
    void everyValueKindGoesIntoItsColumn() {
        db.sql("CREATE TABLE made (id BIGINT PRIMARY KEY, small INTEGER)");
        Table t = db.table("made", TableOptions.defaults().withType("price", ColumnType.DECIMAL));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(row("small", i, "price", i % 2 == 0 ? new BigDecimal("1.25") : (Object) 3, "at", LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i),
                    "when", i % 2 == 0 ? Instant.parse("2024-05-06T07:08:09Z") : LocalDateTime.of(2024, 5, 6, 7, 8, 9),
                    "tags", List.of("a", i), "text", i % 3 == 0 ? "plain" : (Object) 'c', "big", java.math.BigInteger.valueOf(i)));
        }
        assertThat(t.insertMany(rows)).isEqualTo(3000);
        assertThat(t.columnTypes()).containsEntry("small", ColumnType.BIGINT).containsEntry("price", ColumnType.DECIMAL)
                .containsEntry("at", ColumnType.TIMESTAMP).containsEntry("when", ColumnType.TIMESTAMP)
                .containsEntry("text", ColumnType.TEXT).containsEntry("big", ColumnType.BIGINT);
        Map<String, Object> last = t.findOne(Map.of("id", 3000L)).orElseThrow();
        assertThat(last).containsEntry("small", 2999L).containsEntry("at", LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(2999))
                .containsEntry("when", LocalDateTime.of(2024, 5, 6, 7, 8, 9)).containsEntry("text", "c").containsEntry("big", 2999L);
        assertThat((BigDecimal) last.get("price")).isEqualByComparingTo("3");
        assertThat(((String) last.get("tags")).replace(" ", "")).isEqualTo("[\"a\",2999]");
        assertThat((BigDecimal) t.findOne(Map.of("id", 1L)).orElseThrow().get("price")).isEqualByComparingTo("1.25");
        assertThatThrownBy(() -> t.insertMany(List.of(Map.of("small", 1), Map.of("small", 1L << 40))))
                .hasMessageContaining("column \"small\"").hasMessageContaining("1099511627776");
        assertThat(t.count()).isEqualTo(3000);
    }

    @Test
    void rowsWrittenAsVectorsOutliveTheDatabaseFile(@TempDir Path dir) {
        String file = dir.resolve("bulk.db").toString();
        try (Database a = Mallard.open(file)) {
            a.table("t").insertMany(sparseRows(ROWS));
            a.table("t").upsertMany(List.of(row("k", 7L, "n", -7)), "k");
        }
        try (Database again = Mallard.open(file)) {
            assertThat(again.table("t").count()).isEqualTo(ROWS);
            assertThat(again.table("t").findOne(Map.of("k", 7L)).orElseThrow()).containsEntry("n", -7L).containsEntry("id", 8L);
            assertThat(again.table("t").findOne(Map.of("k", (long) ROWS - 1)).orElseThrow()).containsEntry("id", (long) ROWS);
        }
    }

    /** A map that keeps its keys' order and takes nulls. */
    /** Rows after the first batch that the direct path must hand to the general one, each written as the general path writes it. */
    @Test
    void laterBatchesThatNeedTheGeneralPath() {
        int n = 6 * BulkInsert.BATCH + 100; // batch 2 goes the direct way, the later ones each need the general path
        db.sql("CREATE TABLE d (id BIGINT PRIMARY KEY, a BIGINT, s VARCHAR, flag VARCHAR DEFAULT 'none', at TIMESTAMP, amount DECIMAL(12, 2))");
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new HashMap<>();
            // Integers into BIGINT; the first batch names every column, the second leaves out "flag"
            row.put("a", i);
            row.put("s", "s" + i);
            if (i < BulkInsert.BATCH) row.put("flag", "f");
            if (i == 3 * BulkInsert.BATCH + 5) row.put("id", 1_000_000L); // a given key
            if (i == 3 * BulkInsert.BATCH + 9) row.put("at", LocalDateTime.of(2024, 5, 6, 7, 8, 9)); // converted
            if (i == 4 * BulkInsert.BATCH + 11) row.put("amount", new BigDecimal("12.34")); // converted
            if (i == 5 * BulkInsert.BATCH + 3) row.put("extra", true); // a new column
            rows.add(row);
        }
        record Late(int a, String s) {}
        rows.set(6 * BulkInsert.BATCH + 50, new Late(-1, "record")); // not a Map
        Table t = db.table("d");
        assertThat(t.insertMany(rows)).isEqualTo(n);
        assertThat(scalar("SELECT count(*) FROM d")).isEqualTo(n);
        assertThat(scalar("SELECT sum(a) FROM d")).isEqualTo((long) n * (n - 1) / 2 - (6L * BulkInsert.BATCH + 50) - 1);
        assertThat(scalar("SELECT count(*) FROM d WHERE flag = 'f'")).isEqualTo(BulkInsert.BATCH);
        assertThat(scalar("SELECT count(*) FROM d WHERE flag = 'none'")).as("the default where no row of a batch names the column")
                .isEqualTo(n - BulkInsert.BATCH);
        assertThat(scalar("SELECT count(*) FROM d WHERE flag IS NULL")).isZero();
        assertThat(scalar("SELECT count(*) FROM d WHERE id = 1000000 AND a = " + (3 * BulkInsert.BATCH + 5))).isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM d WHERE at = TIMESTAMP '2024-05-06 07:08:09'")).isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM d WHERE amount = 12.34")).isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM d WHERE extra")).isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM d WHERE s = 'record' AND a = -1")).isEqualTo(1);
        assertThat(scalar("SELECT count(DISTINCT id) FROM d")).isEqualTo(n);

        List<Map<String, Object>> twice = new ArrayList<>();
        for (int i = 0; i < 2 * BulkInsert.BATCH + 1; i++) twice.add(row("a", (long) i, "s", "x"));
        twice.get(2 * BulkInsert.BATCH).put("A", 5L);
        assertThatThrownBy(() -> t.insertMany(twice)).hasMessageContaining("\"a\"").hasMessageContaining("\"A\"");
        assertThat(scalar("SELECT count(*) FROM d")).as("nothing of the failed call").isEqualTo(n);
    }

    @Test
    void rowsFilledOnSeveralThreadsKeepTheirOrder() {
        // A round's chunks are filled by several threads at once. Chunks that need the general path
        // (a new column, a row that is not a map, a value to convert) sit where other threads have
        // filled the chunks after them already: every row must still land once, in the rows' order.
        int b = BulkInsert.BATCH;
        int n = BulkInsert.ROUND + 3 * b + 17;
        for (int threads : new int[] {1, 2, 5}) {
            db.sql("SET threads = " + threads);
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) rows.add(row("k", (long) i, "x", i * 0.5, "s", "s" + (i % 3)));
            ((Map<String, Object>) rows.get(5 * b + 7)).put("late", "here");
            record Plain(long k, double x, String s) {}
            rows.set(9 * b + 1, new Plain(9L * b + 1, -1, "plain"));
            ((Map<String, Object>) rows.get(20 * b + 3)).put("x", -7); // an Integer for a DOUBLE column: converted
            ((Map<String, Object>) rows.get(n - 2)).put("late", "last");
            String name = "p" + threads;
            Table t = db.table(name);
            assertThat(t.insertMany(rows)).isEqualTo(n);
            assertThat(scalar("SELECT count(*) FROM " + name)).isEqualTo(n);
            assertThat(scalar("SELECT count(*) FROM " + name + " WHERE id <> k + 1")).as("ids follow the rows' order").isZero();
            assertThat(scalar("SELECT count(DISTINCT k) FROM " + name)).isEqualTo(n);
            assertThat(scalar("SELECT k FROM " + name + " WHERE late = 'here'")).isEqualTo(5 * b + 7);
            assertThat(scalar("SELECT k FROM " + name + " WHERE late = 'last'")).isEqualTo(n - 2);
            assertThat(scalar("SELECT k FROM " + name + " WHERE s = 'plain' AND x = -1")).isEqualTo(9 * b + 1);
            assertThat(scalar("SELECT k FROM " + name + " WHERE x = -7")).isEqualTo(20 * b + 3);
            assertThat(scalar("SELECT count(*) FROM " + name + " WHERE x = k * 0.5")).isEqualTo(n - 2);

            // a key that is not a string, in a chunk past others that fill fine: the call's error, nothing written
            List<Map<String, Object>> bad = new ArrayList<>();
            for (int i = 0; i < n; i++) bad.add(row("k", (long) i, "x", 1.0, "s", "s"));
            Map<Object, Object> odd = new HashMap<>(bad.get(13 * b + 2));
            odd.put(42, "not a name");
            @SuppressWarnings("unchecked")
            Map<String, Object> oddRow = (Map<String, Object>) (Map<?, ?>) odd;
            bad.set(13 * b + 2, oddRow);
            assertThatThrownBy(() -> t.insertMany(bad)).hasMessageContaining("row keys must be strings").hasMessageContaining("42");
            assertThat(scalar("SELECT count(*) FROM " + name)).isEqualTo(n);
        }
    }

    @Test
    void directBatchesLeaveWhatARowOmitsOrNullsAsNull() {
        // every batch after the first goes the direct way; the last one ends inside a 64-row word
        int n = 3 * BulkInsert.BATCH + 37;
        List<Map<String, Object>> rows = new ArrayList<>();
        long sum = 0, omitted = 0, nulls = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("s", "s" + i);
            if (i % 3 == 0) {
                omitted++;
            } else if (i % 7 == 0) {
                row.put("a", null);
                nulls++;
            } else {
                row.put("a", (long) i);
                sum += i;
            }
            if (i % 5 != 0) row.put("d", LocalDate.of(2020, 1, 1).plusDays(i % 400));
            rows.add(row);
        }
        Table t = db.table("sparse");
        assertThat(t.insertMany(rows)).isEqualTo(n);
        assertThat(scalar("SELECT count(*) FROM sparse WHERE a IS NULL")).isEqualTo(omitted + nulls);
        assertThat(scalar("SELECT sum(a) FROM sparse")).isEqualTo(sum);
        assertThat(scalar("SELECT count(*) FROM sparse WHERE d IS NULL")).isEqualTo((long) (n + 4) / 5);
        int last = n - 2; // gives all three (n - 1 omits "a")
        assertThat(scalar("SELECT count(*) FROM sparse WHERE s = 's" + last + "' AND a = " + last + " AND d = DATE '2020-01-01' + "
                + last % 400)).isEqualTo(1);

        List<Map<String, Object>> badKey = new ArrayList<>();
        for (int i = 0; i < 2 * BulkInsert.BATCH; i++) badKey.add(row("a", (long) i, "s", "x"));
        badKey.get(BulkInsert.BATCH + 3).put(null, 1L);
        assertThatThrownBy(() -> t.insertMany(badKey)).hasMessageContaining("keys must be strings");
        assertThat(scalar("SELECT count(*) FROM sparse")).as("nothing of the failed call").isEqualTo(n);
    }

    @Test
    void keysThatAreNewObjectsInEveryRowFindTheirColumns() {
        // parsed rows bring new key strings each time: the identity caches fill, start over, and
        // must never hand one key's column to another
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 3 * BulkInsert.BATCH;
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put(new String("a"), (long) i);
            row.put(new String("b"), (long) -i);
            row.put(new String("c"), "c" + i);
            rows.add(row);
        }
        assertThat(db.table("fresh").insertMany(rows)).isEqualTo(n);
        assertThat(scalar("SELECT count(*) FROM fresh WHERE a = -b AND c = 'c' || a")).isEqualTo((long) n);
    }

    @Test
    void datesInDirectBatchesKeepTheirDaysAndTheInfiniteOnes() {
        int n = 2 * BulkInsert.BATCH + 10; // the second batch on go the direct way
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) rows.add(row("i", (long) i, "d", LocalDate.of(1600 + i % 1000, 1 + i % 12, 1 + i % 28)));
        rows.get(BulkInsert.BATCH + 1).put("d", LocalDate.of(1066, 10, 14)); // before the fast table's years
        rows.get(BulkInsert.BATCH + 2).put("d", LocalDate.of(40_000, 2, 29)); // after them, a leap day
        rows.get(BulkInsert.BATCH + 3).put("d", LocalDate.MAX);
        rows.get(BulkInsert.BATCH + 4).put("d", LocalDate.MIN);
        Table t = db.table("dates");
        assertThat(t.insertMany(rows)).isEqualTo(n);
        for (int i : new int[] {0, BulkInsert.BATCH, BulkInsert.BATCH + 1, BulkInsert.BATCH + 2, n - 1}) {
            LocalDate d = (LocalDate) rows.get(i).get("d");
            assertThat(scalar("SELECT d - DATE '1970-01-01' FROM dates WHERE i = " + i)).as("row %d: %s", i, d).isEqualTo(d.toEpochDay());
        }
        assertThat(scalar("SELECT count(*) FROM dates WHERE i = " + (BulkInsert.BATCH + 3) + " AND d = DATE 'infinity'")).isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM dates WHERE i = " + (BulkInsert.BATCH + 4) + " AND d = DATE '-infinity'")).isEqualTo(1);
        long sumOfDays = 0;
        for (Map<String, Object> r : rows) {
            LocalDate d = (LocalDate) r.get("d");
            if (!d.equals(LocalDate.MAX) && !d.equals(LocalDate.MIN)) sumOfDays += d.toEpochDay();
        }
        assertThat(scalar("SELECT sum(d - DATE '1970-01-01') FROM dates WHERE d NOT IN (DATE 'infinity', DATE '-infinity')")).isEqualTo(sumOfDays);

        List<Map<String, Object>> tooFar = new ArrayList<>();
        for (int i = 0; i < 2 * BulkInsert.BATCH; i++) tooFar.add(row("i", (long) i, "d", LocalDate.of(2000, 1, 1)));
        tooFar.get(BulkInsert.BATCH + 7).put("d", LocalDate.of(7_000_000, 1, 1)); // days past an int
        assertThatThrownBy(() -> t.insertMany(tooFar)).hasMessageContaining("\"d\"");
        assertThat(scalar("SELECT count(*) FROM dates")).as("nothing of the failed call").isEqualTo(n);
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return row;
    }
}
