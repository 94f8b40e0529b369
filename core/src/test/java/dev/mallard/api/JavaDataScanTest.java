package dev.mallard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.Mallard;
import dev.mallard.MallardException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SQL over Java collections in place: records, POJOs, maps, arrays, streams; the type mapping; errors. */
class JavaDataScanTest {
    private final Database db = Mallard.open();

    @AfterEach
    void close() {
        db.close();
    }

    record Trip(long id, String vendor, double fare, int passengers) {}

    enum Color { RED, GREEN }

    /** Every mapped type, primitive and boxed, so NULLs can be tested too. */
    record Everything(boolean b, Boolean bb, byte i8, Byte bi8, short i16, Short bi16, int i32, Integer bi32, long i64, Long bi64,
                      float f32, Float bf32, double f64, Double bf64, String s, char c, Character bc, BigDecimal dec,
                      LocalDate date, LocalDateTime ts, Instant instant, Color color, UUID uuid) {}

    /** A POJO read through getters (one boolean through isX) and a public field. */
    public static class Person {
        private String name;
        private int age;
        private boolean active;
        public Double score;
        private String hidden = "never a column";

        public Person() {}

        Person(String name, int age, boolean active, Double score) {
            this.name = name;
            this.age = age;
            this.active = active;
            this.score = score;
        }

        public String getName() {
            return name;
        }

        public int getAge() {
            return age;
        }

        public boolean isActive() {
            return active;
        }
    }

    private static List<Trip> trips(int n) {
        List<Trip> trips = new ArrayList<>();
        for (int i = 0; i < n; i++) trips.add(new Trip(i, i % 3 == 0 ? "A" : i % 3 == 1 ? "B" : "C", i % 100 / 4.0, i % 5));
        return trips;
    }

    @Test
    void recordsAreQueriedByComponentName() {
        db.register("trips", trips(10));
        assertThat(db.sql("SELECT vendor, count(*) AS n, sum(fare) AS total FROM trips GROUP BY vendor ORDER BY vendor").toMaps())
                .containsExactly(Map.of("vendor", "A", "n", 4L, "total", 4.5), Map.of("vendor", "B", "n", 3L, "total", 3.0),
                        Map.of("vendor", "C", "n", 3L, "total", 3.75));
        assertThat(db.sql("DESCRIBE trips").toMaps()).extracting(m -> m.get("column_name") + " " + m.get("column_type"))
                .containsExactly("id BIGINT", "vendor VARCHAR", "fare DOUBLE", "passengers INTEGER");
    }

    @Test
    void pojosAreQueriedByGettersAndPublicFields() {
        db.register("people", List.of(new Person("Ann", 37, true, 1.5), new Person("Bob", 41, false, null)));
        assertThat(db.sql("SELECT * FROM people ORDER BY name").toMaps()).containsExactly(
                row("name", "Ann", "age", 37, "active", true, "score", 1.5),
                row("name", "Bob", "age", 41, "active", false, "score", null));
    }

    @Test
    void mapsGiveColumnsFromTheirKeysAndMissingKeysAreNull() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("name", "Ann", "age", 37));
        rows.add(row("name", "Bob", "city", "Oslo", "age", 41L));
        rows.add(row("name", "Cid"));
        db.register("people", rows);
        assertThat(db.sql("SELECT name, age, city FROM people ORDER BY name").toMaps()).containsExactly(
                row("name", "Ann", "age", 37L, "city", null), row("name", "Bob", "age", 41L, "city", "Oslo"),
                row("name", "Cid", "age", null, "city", null));
    }

    @Test
    void aMapKeyFirstSeenAfterTheSampleIsAnError() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1500; i++) rows.add(row("x", i));
        rows.get(1200).put("late", 1);
        db.register("t", rows);
        assertThatThrownBy(() -> db.sql("SELECT count(x) FROM t")).isInstanceOf(MallardException.class)
                .hasMessageContaining("row 1200").hasMessageContaining("\"late\"");
    }

    @Test
    void mapValuesOfDifferentKindsUnderOneKeyAreAnError() {
        assertThatThrownBy(() -> db.register("t", List.of(row("x", 1), row("x", "one"))))
                .hasMessageContaining("key \"x\"").hasMessageContaining("java.lang.Integer").hasMessageContaining("java.lang.String");
    }

    @Test
    void everyMappedTypeRoundTrips() {
        UUID uuid = UUID.randomUUID();
        Everything full = new Everything(true, false, (byte) -8, (byte) 8, (short) -16, (short) 16, -32, 32, -64L, 64L, 1.5f, -2.5f,
                3.25, -4.75, "text", 'c', 'd', new BigDecimal("123.45"), LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 3, 1, 12, 30, 45, 123_456_000), Instant.parse("2024-03-01T10:15:30.5Z"), Color.GREEN, uuid);
        Everything empty = new Everything(false, null, (byte) 0, null, (short) 0, null, 0, null, 0L, null, 0f, null, 0d, null, null,
                'x', null, null, null, null, null, null, null);
        db.register("e", List.of(full, empty));
        String typeofs = String.join(", ", Arrays.stream(Everything.class.getRecordComponents()).map(c -> "typeof(" + c.getName() + ")").toList());
        assertThat(db.sql("SELECT " + typeofs + " FROM e LIMIT 1").toMaps().get(0).values()).containsExactly(
                "BOOLEAN", "BOOLEAN", "TINYINT", "TINYINT", "SMALLINT", "SMALLINT", "INTEGER", "INTEGER", "BIGINT", "BIGINT",
                "FLOAT", "FLOAT", "DOUBLE", "DOUBLE", "VARCHAR", "VARCHAR", "VARCHAR", "DECIMAL(18,2)", "DATE", "TIMESTAMP",
                "TIMESTAMP", "VARCHAR", "VARCHAR");
        List<Everything> back = db.sql("SELECT * FROM e ORDER BY b DESC").toList(Everything.class);
        assertThat(back).containsExactly(full, empty);
        assertThat(db.sql("SELECT color, uuid, ts, instant FROM e WHERE b").toMaps().get(0)).containsExactly(
                Map.entry("color", "GREEN"), Map.entry("uuid", uuid.toString()),
                Map.entry("ts", LocalDateTime.of(2024, 3, 1, 12, 30, 45, 123_456_000)),
                Map.entry("instant", LocalDateTime.of(2024, 3, 1, 10, 15, 30, 500_000_000)));
        assertThat(db.sql("SELECT count(bb), count(bi64), count(dec), count(date), count(color) FROM e").toMaps().get(0).values())
                .containsOnly(1L);
    }

    @Test
    void decimalScaleComesFromTheValues() {
        record Price(BigDecimal amount) {}
        db.register("p", List.of(new Price(new BigDecimal("1.5")), new Price(new BigDecimal("12.125")), new Price(null)));
        assertThat(db.sql("SELECT any_value(typeof(amount)) AS t, sum(amount) AS s FROM p").toMaps().get(0))
                .containsExactly(Map.entry("t", "DECIMAL(18,3)"), Map.entry("s", new BigDecimal("13.625")));
    }

    @Test
    void aValueBeyondTheSampledDecimalTypeNamesItsRow() {
        record Price(BigDecimal amount) {}
        List<Price> prices = new ArrayList<>();
        for (int i = 0; i < 1500; i++) prices.add(new Price(BigDecimal.valueOf(i, 2)));
        prices.set(1400, new Price(new BigDecimal("123456789012345678901234")));
        db.register("p", prices);
        assertThatThrownBy(() -> db.sql("SELECT sum(amount) FROM p")).isInstanceOf(MallardException.class)
                .hasMessageContaining("row 1400").hasMessageContaining("column \"amount\"").hasMessageContaining("DECIMAL(18,2)");
    }

    @Test
    void listsMutatedBetweenQueriesShowTheirNewContents() {
        List<Trip> trips = new ArrayList<>(trips(3));
        db.register("trips", trips);
        assertThat(db.sql("SELECT count(*) FROM trips").scalar(Long.class)).isEqualTo(3);
        trips.add(new Trip(99, "Z", 100, 1));
        trips.set(0, new Trip(0, "A", 1000, 1));
        assertThat(db.sql("SELECT count(*) FROM trips").scalar(Long.class)).isEqualTo(4);
        assertThat(db.sql("SELECT max(fare) FROM trips").scalar(Double.class)).isEqualTo(1000.0);
        trips.clear();
        assertThat(db.sql("SELECT count(*) FROM trips").scalar(Long.class)).isZero();
    }

    @Test
    void anEmptyListNeedsItsRowClass() {
        List<Trip> trips = new ArrayList<>();
        db.register("trips", trips, Trip.class);
        assertThat(db.sql("SELECT count(*) FROM trips").scalar(Long.class)).isZero();
        db.register("nothing", new ArrayList<Trip>());
        assertThatThrownBy(() -> db.sql("SELECT * FROM nothing")).hasMessageContaining("registered without its row class");
    }

    @Test
    void streamsAreScannedOnce() {
        db.register("s", trips(5000).stream());
        assertThat(db.sql("SELECT count(*), sum(id) FROM s").toMaps().get(0).values()).containsExactly(5000L, BigDecimal.valueOf(4999L * 5000 / 2));
        assertThatThrownBy(() -> db.sql("SELECT count(*) FROM s")).isInstanceOf(MallardException.class)
                .hasMessageContaining("Stream").hasMessageContaining("scanned once");
    }

    @Test
    void iterablesAndArraysOfRows() {
        db.register("linked", new LinkedList<>(trips(3000)));
        assertThat(db.sql("SELECT count(*) FROM linked WHERE vendor = 'A'").scalar(Long.class)).isEqualTo(1000);
        assertThat(db.sql("SELECT count(*) FROM linked").scalar(Long.class)).isEqualTo(3000); // iterated again
        db.register("trip_array", trips(10).toArray(new Trip[0]));
        assertThat(db.sql("SELECT sum(passengers) FROM trip_array").scalar(Long.class)).isEqualTo(20);
    }

    @Test
    void primitiveArraysAreColumns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("x", new long[] {1, 2, 3, 4});
        columns.put("y", new double[] {0.5, 1.5, 2.5, 3.5});
        columns.put("z", new int[] {7, 8, 9, 10});
        columns.put("f", new float[] {1f, 2f, 3f, 4f});
        columns.put("b", new boolean[] {true, false, true, false});
        columns.put("s", new String[] {"a", null, "c", "d"});
        columns.put("d", new LocalDate[] {LocalDate.of(2020, 1, 1), null, null, LocalDate.of(2021, 1, 1)});
        db.register("cols", columns);
        assertThat(db.sql("SELECT sum(x), sum(y), sum(z), sum(f), count(*) FILTER (WHERE b), count(s), max(d) FROM cols")
                .toMaps().get(0).values()).containsExactly(BigDecimal.valueOf(10), 8.0, 34L, 10.0, 2L, 3L, LocalDate.of(2021, 1, 1));
        assertThatThrownBy(() -> db.register("bad", Map.of("a", new long[2], "b", new long[3])))
                .hasMessageContaining("differ in length");
    }

    @Test
    void tablesGivenToOneQuery() {
        List<Trip> trips = trips(9);
        assertThat(db.sql("SELECT count(*) FROM t WHERE passengers > ?", Map.of("t", trips), 2).scalar(Long.class)).isEqualTo(3);
        assertThatThrownBy(() -> db.sql("SELECT * FROM t")).hasMessageContaining("does not exist");
    }

    @Test
    void queryTablesComeBeforeRegisteredOnesAndTablesWin() {
        db.register("t", trips(2));
        assertThat(db.sql("SELECT count(*) FROM t", Map.of("t", trips(5))).scalar(Long.class)).isEqualTo(5);
        assertThat(db.sql("SELECT count(*) FROM t").scalar(Long.class)).isEqualTo(2);
        db.sql("CREATE TABLE real_table(x INTEGER)");
        assertThatThrownBy(() -> db.register("REAL_TABLE", trips(1))).hasMessageContaining("already a table");
        assertThat(db.unregister("t")).isTrue();
        assertThat(db.unregister("t")).isFalse();
        assertThatThrownBy(() -> db.sql("SELECT * FROM t")).hasMessageContaining("does not exist");
    }

    @Test
    void registeredDataJoinsTables() {
        db.sql("CREATE TABLE vendors(code VARCHAR, name VARCHAR)");
        db.sql("INSERT INTO vendors VALUES (?, ?), (?, ?)", "A", "Acme", "B", "Best");
        db.register("trips", trips(30));
        assertThat(db.sql("SELECT v.name, count(*) AS n FROM trips t JOIN vendors v ON t.vendor = v.code GROUP BY ALL ORDER BY 1")
                .toMaps()).containsExactly(row("name", "Acme", "n", 10L), row("name", "Best", "n", 10L));
    }

    @Test
    void theResultOfAnotherQueryIsATable() {
        db.register("trips", trips(30));
        db.register("by_vendor", db.sql("SELECT vendor, count(*) AS n FROM trips GROUP BY vendor"));
        assertThat(db.sql("SELECT sum(n) FROM by_vendor").scalar(Long.class)).isEqualTo(30);
        assertThat(db.sql("SELECT n FROM by_vendor WHERE vendor = 'B'").scalar(Long.class)).isEqualTo(10); // kept: read again
    }

    @Test
    void unsupportedFieldTypesAreNamed() {
        record Bad(String name, List<String> tags) {}
        assertThatThrownBy(() -> db.register("bad", List.of(new Bad("a", List.of()))))
                .isInstanceOf(MallardException.class)
                .hasMessageContaining("field \"tags\"").hasMessageContaining(Bad.class.getName()).hasMessageContaining("java.util.List");
    }

    @Test
    void badRowsAreNamed() {
        List<Object> rows = new ArrayList<>(trips(3));
        rows.add(null);
        db.register("t", rows);
        assertThatThrownBy(() -> db.sql("SELECT sum(fare) FROM t")).hasMessageContaining("row 3").hasMessageContaining("null");
        rows.set(3, "not a trip");
        assertThatThrownBy(() -> db.sql("SELECT sum(fare) FROM t")).hasMessageContaining("row 3")
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> db.register("x", 42)).hasMessageContaining("cannot query a java.lang.Integer");
        assertThatThrownBy(() -> db.register("x", new long[3])).hasMessageContaining("cannot query a long[]");
    }

    @Test
    void aGetterThatThrowsIsNamed() {
        record Fragile(long id) {
            @Override
            public long id() {
                if (id == 3) throw new IllegalStateException("broken row");
                return id;
            }
        }
        db.register("f", IntStream.range(0, 10).mapToObj(Fragile::new).toList());
        assertThatThrownBy(() -> db.sql("SELECT sum(id) FROM f")).isInstanceOf(MallardException.class)
                .hasMessageContaining("column \"id\"").hasMessageContaining("\"f\"").hasMessageContaining("broken row")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    /** The list a {@link Shrinker} cuts short when its first row is read. */
    static List<Object> shrinking;

    record Shrinker(long id) {
        @Override
        public long id() {
            if (id == 0 && shrinking.size() > 3000) shrinking.subList(3000, shrinking.size()).clear();
            return id;
        }
    }

    @Test
    void aListChangedWhileAQueryReadsItIsAnError() {
        shrinking = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) shrinking.add(new Shrinker(i));
        db.register("s", shrinking);
        assertThatThrownBy(() -> db.sql("SELECT sum(id) FROM s")).isInstanceOf(MallardException.class)
                .hasMessageContaining("\"s\" changed while a query was reading it");
        assertThat(db.sql("SELECT count(*) FROM s").scalar(Long.class)).isEqualTo(3000L);
    }

    @Test
    void onlyTheColumnsAQueryUsesAreRead() {
        class Counting {
            static int reads;
        }
        record Probe(long id, String expensive) {
            @Override
            public String expensive() {
                Counting.reads++;
                return "x";
            }
        }
        List<Probe> rows = IntStream.range(0, 10_000).mapToObj(i -> new Probe(i, "x")).toList();
        db.register("p", rows);
        Counting.reads = 0;
        assertThat(db.sql("SELECT sum(id) FROM p").scalar(Long.class)).isEqualTo(9999L * 10_000 / 2);
        assertThat(Counting.reads).isZero();
        assertThat(db.sql("SELECT count(expensive) FROM p").scalar(Long.class)).isEqualTo(10_000);
        assertThat(Counting.reads).isGreaterThanOrEqualTo(10_000);
    }

    /** A map from alternating keys and values (allowing nulls), in order. */
    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
