package dev.mallard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.Mallard;
import dev.mallard.MallardException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Results back as Java: records, POJOs, maps, streams, scalars, column arrays, and the conversion errors. */
class ResultMappingTest {
    private final Database db = Mallard.open();

    @AfterEach
    void close() {
        db.close();
    }

    record Fare(String vendor, long trips, double avgFare) {}

    record Typed(LocalDate day, LocalDateTime at, Instant instant, BigDecimal amount, Integer maybe, char letter, Color color, UUID id) {}

    enum Color { RED, GREEN }

    public static class Bean {
        private String name;
        private long count;
        public Double ratio;

        public void setName(String name) {
            this.name = name;
        }

        public void setCount(long count) {
            this.count = count;
        }
    }

    @Test
    void recordsByComponentNameIgnoringCaseAndUnderscores() {
        List<Fare> fares = db.sql("SELECT 'A' AS VENDOR, 3 AS trips, 2.5 AS avg_fare UNION ALL SELECT 'B', 1, 4 ORDER BY 1")
                .toList(Fare.class);
        assertThat(fares).containsExactly(new Fare("A", 3, 2.5), new Fare("B", 1, 4.0));
    }

    @Test
    void pojosBySettersAndFields() {
        List<Bean> beans = db.sql("SELECT 'x' AS name, 42 AS count, 0.5 AS ratio").toList(Bean.class);
        assertThat(beans).singleElement().satisfies(b -> {
            assertThat(b.name).isEqualTo("x");
            assertThat(b.count).isEqualTo(42);
            assertThat(b.ratio).isEqualTo(0.5);
        });
    }

    @Test
    void sqlTypesBecomeJavaTypes() {
        UUID id = UUID.randomUUID();
        Typed t = db.sql("SELECT DATE '2024-02-29' AS day, TIMESTAMP '2024-03-01 12:00:00.25' AS at,"
                + " TIMESTAMP '2024-03-01 12:00:00' AS instant, 12.50::DECIMAL(10,2) AS amount, NULL::INTEGER AS maybe,"
                + " 'q' AS letter, 'GREEN' AS color, ? AS id", id.toString()).toList(Typed.class).get(0);
        assertThat(t).isEqualTo(new Typed(LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 3, 1, 12, 0, 0, 250_000_000),
                Instant.parse("2024-03-01T12:00:00Z"), new BigDecimal("12.50"), null, 'q', Color.GREEN, id));
    }

    @Test
    void oneColumnResultsAsPlainValues() {
        assertThat(db.sql("SELECT 'v' || i FROM range(3) t(i) ORDER BY 1").toList(String.class)).containsExactly("v0", "v1", "v2");
        assertThat(db.sql("SELECT CASE WHEN i = 1 THEN NULL ELSE i END FROM range(3) t(i) ORDER BY i").toList(Long.class))
                .containsExactly(0L, null, 2L);
        assertThat(db.sql("SELECT 'RED' UNION ALL SELECT 'GREEN'").toList(Color.class)).containsExactlyInAnyOrder(Color.RED, Color.GREEN);
        assertThatThrownBy(() -> db.sql("SELECT 1 AS a, 2 AS b").toList(Long.class)).hasMessageContaining("takes one column")
                .hasMessageContaining("a, b");
    }

    @Test
    void mapsKeepColumnOrder() {
        List<Map<String, Object>> rows = db.sql("SELECT 3 AS c, 'b' AS b, NULL AS a").toMaps();
        assertThat(rows.get(0).keySet()).containsExactly("c", "b", "a");
        assertThat(rows.get(0)).containsEntry("a", null);
    }

    @Test
    void streamsAreLazyAndCloseTheResult() {
        try (Stream<Fare> s = db.sql("SELECT 'v' || i AS vendor, i AS trips, i / 2 AS avg_fare FROM range(5000) t(i)").stream(Fare.class)) {
            assertThat(s.filter(f -> f.trips() % 1000 == 0).map(Fare::vendor).toList()).containsExactly("v0", "v1000", "v2000", "v3000", "v4000");
        }
        AtomicInteger seen = new AtomicInteger();
        try (Stream<Map<String, Object>> s = db.sql("SELECT i FROM range(10000) t(i)").stream()) {
            assertThat(s.peek(m -> seen.incrementAndGet()).limit(3).map(m -> m.get("i")).toList()).containsExactly(0L, 1L, 2L);
        }
        assertThat(seen.get()).isEqualTo(3);
    }

    @Test
    void scalarsAndTheirShapes() {
        assertThat(db.sql("SELECT count(*) FROM range(7)").scalar(Long.class)).isEqualTo(7L);
        assertThat(db.sql("SELECT 41 + 1").scalar(int.class)).isEqualTo(42);
        assertThat(db.sql("SELECT NULL::VARCHAR").scalar(String.class)).isNull();
        assertThat(db.sql("SELECT DATE '2020-01-02'").scalar(LocalDate.class)).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThatThrownBy(() -> db.sql("SELECT 1, 2").scalar(Long.class)).hasMessageContaining("one column");
        assertThatThrownBy(() -> db.sql("SELECT 1 FROM range(3)").scalar(Long.class)).hasMessageContaining("one row, the result has 3");
        assertThatThrownBy(() -> db.sql("SELECT NULL::INTEGER").scalar(int.class)).hasMessageContaining("NULL");
    }

    @Test
    void checkedNarrowing() {
        assertThatThrownBy(() -> db.sql("SELECT 3000000000::BIGINT").scalar(Integer.class)).isInstanceOf(MallardException.class)
                .hasMessageContaining("does not fit int");
        assertThatThrownBy(() -> db.sql("SELECT 2.5::DOUBLE").scalar(Long.class)).hasMessageContaining("not an integer");
        assertThat(db.sql("SELECT 2.0::DOUBLE").scalar(Long.class)).isEqualTo(2L);
        assertThat(db.sql("SELECT 7::TINYINT").scalar(double.class)).isEqualTo(7.0);
        assertThat(db.sql("SELECT 12.00::DECIMAL(5,2)").scalar(short.class)).isEqualTo((short) 12);
        assertThatThrownBy(() -> db.sql("SELECT 'abc'").scalar(LocalDate.class)).hasMessageContaining("cannot be read as java.time.LocalDate");
    }

    @Test
    void columnArrays() {
        Result r = db.sql("SELECT i, i * 0.5 AS half, 'v' || i AS name FROM range(5000) t(i) ORDER BY i");
        long[] ids = r.longs("i");
        assertThat(ids).hasSize(5000);
        assertThat(ids[4999]).isEqualTo(4999);
        double[] many = db.sql("SELECT i FROM range(300000) t(i) ORDER BY i").doubles("i");
        assertThat(many).hasSize(300_000);
        assertThat(many[299_999]).isEqualTo(299_999.0);
        assertThat(db.sql("SELECT i * 0.5 AS half FROM range(4) t(i) ORDER BY 1").doubles("HALF")).containsExactly(0, 0.5, 1, 1.5);
        assertThat(db.sql("SELECT 'v' || i AS name FROM range(3) t(i) ORDER BY 1").column("name", String[].class))
                .containsExactly("v0", "v1", "v2");
        assertThat(db.sql("SELECT i::INTEGER AS i FROM range(3) t(i) ORDER BY 1").column("i", int[].class)).containsExactly(0, 1, 2);
        assertThat(db.sql("SELECT CASE WHEN i = 1 THEN NULL ELSE i END AS i FROM range(3) t(i) ORDER BY i NULLS LAST")
                .column("i", Long[].class)).containsExactly(0L, 2L, null);
        assertThatThrownBy(() -> db.sql("SELECT NULL::BIGINT AS x").longs("x")).hasMessageContaining("is NULL")
                .hasMessageContaining("Long[]");
        assertThatThrownBy(() -> db.sql("SELECT 1 AS x").longs("y")).hasMessageContaining("no column \"y\"");
    }

    @Test
    void mismatchedTargetsAreClearErrors() {
        assertThatThrownBy(() -> db.sql("SELECT 'A' AS vendor, 1 AS trips").toList(Fare.class))
                .hasMessageContaining("component \"avgFare\"").hasMessageContaining("vendor, trips");
        assertThatThrownBy(() -> db.sql("SELECT 'A' AS vendor, 1 AS trips, 2.0 AS avg_fare, 0 AS extra").toList(Fare.class))
                .hasMessageContaining("column \"extra\" has no component");
        assertThatThrownBy(() -> db.sql("SELECT 'A' AS nme").toList(Bean.class))
                .hasMessageContaining("column \"nme\" has no setter or field").hasMessageContaining("name, count, ratio");
        assertThatThrownBy(() -> db.sql("SELECT 'A' AS vendor, NULL::BIGINT AS trips, 1.0 AS avg_fare").toList(Fare.class))
                .hasMessageContaining("row 0").hasMessageContaining("\"trips\"").hasMessageContaining("NULL");
    }

    @Test
    void aResultIsReadOnce() {
        Result r = db.sql("SELECT 1 AS x");
        assertThat(r.toMaps()).hasSize(1);
        assertThatThrownBy(r::toMaps).hasMessageContaining("read already");
    }

    @Test
    void statementsWithoutRowsGiveTheirCount() {
        assertThat(db.sql("CREATE TABLE t(x INTEGER)").scalar(Long.class)).isZero();
        assertThat(db.sql("INSERT INTO t SELECT * FROM range(4)").scalar(Long.class)).isEqualTo(4);
        assertThat(db.sql("UPDATE t SET x = x + ? WHERE x >= ?", 10, 2).scalar(Long.class)).isEqualTo(2);
        assertThat(db.sql("SELECT sum(x) FROM t").scalar(Long.class)).isEqualTo(0 + 1 + 12 + 13);
    }

    @Test
    void transactionsMustEndInTheirCall() {
        db.sql("CREATE TABLE t(x INTEGER)");
        db.sql("BEGIN; INSERT INTO t VALUES (1); COMMIT");
        assertThatThrownBy(() -> db.sql("BEGIN; INSERT INTO t VALUES (2)")).hasMessageContaining("rolled back");
        assertThat(db.sql("SELECT count(*) FROM t").scalar(Long.class)).isEqualTo(1);
    }
}
