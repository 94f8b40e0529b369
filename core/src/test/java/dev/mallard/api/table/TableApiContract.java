package dev.mallard.api.table;

import static dev.mallard.api.table.Op.between;
import static dev.mallard.api.table.Op.endsWith;
import static dev.mallard.api.table.Op.gt;
import static dev.mallard.api.table.Op.gte;
import static dev.mallard.api.table.Op.ilike;
import static dev.mallard.api.table.Op.in;
import static dev.mallard.api.table.Op.isNull;
import static dev.mallard.api.table.Op.like;
import static dev.mallard.api.table.Op.lt;
import static dev.mallard.api.table.Op.lte;
import static dev.mallard.api.table.Op.ne;
import static dev.mallard.api.table.Op.notIn;
import static dev.mallard.api.table.Op.notLike;
import static dev.mallard.api.table.Op.notNull;
import static dev.mallard.api.table.Op.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.api.Database;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lazy table API's behaviour, run against each backend by a subclass: the scenarios of Python
 * dataset's own suite (a weather fixture, every filter operator's count, writes run twice,
 * distinct, drop and recreate, case-insensitive names, transactions, concurrent writers), written
 * anew, plus what dataset gets wrong (types decided by NULLs, non-atomic writes, unknown columns).
 */
abstract class TableApiContract {
    /** A database with no tables. */
    abstract Database open();

    Database db;
    Table weather;

    record Weather(long id, LocalDate date, long temperature, String place) {}

    static final LocalDate JAN_1 = LocalDate.of(2011, 1, 1);
    static final LocalDate JAN_2 = LocalDate.of(2011, 1, 2);
    static final LocalDate JAN_3 = LocalDate.of(2011, 1, 3);

    @BeforeEach
    void fixture() {
        db = open();
        weather = db.table("weather");
        weather.insertMany(List.of(
                row("date", JAN_1, "temperature", 1, "place", "Köln"),
                row("date", JAN_2, "temperature", 8, "place", "Köln"),
                row("date", JAN_3, "temperature", 5, "place", "Köln"),
                row("date", JAN_1, "temperature", 6, "place", "Zürich"),
                row("date", JAN_2, "temperature", 8, "place", "Zürich"),
                row("date", JAN_3, "temperature", 5, "place", "Zürich")));
    }

    /** A row whose columns keep their order (Map.of's order is unspecified, and new columns are added in row order). */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return row;
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long count(Filter f) {
        return weather.count(f);
    }

    // ---- the fixture and reads

    @Test
    void theFixtureMadeATableWithAnIdKey() {
        assertThat(db.tables()).contains("weather");
        assertThat(weather.columns()).containsExactly("id", "date", "temperature", "place");
        assertThat(weather.columnTypes()).containsEntry("date", ColumnType.DATE).containsEntry("temperature", ColumnType.BIGINT)
                .containsEntry("place", ColumnType.TEXT).containsEntry("id", ColumnType.BIGINT);
        assertThat(weather.count()).isEqualTo(6);
        assertThat(weather.all().toList(Weather.class)).extracting(Weather::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(weather.all().toList(Weather.class).get(3)).isEqualTo(new Weather(4, JAN_1, 6, "Zürich"));
    }

    @Test
    void everyFilterOperatorMatchesTheRowsItShould() {
        assertThat(count(Filter.where("place", "Köln"))).isEqualTo(3);
        assertThat(count(Filter.where("place", List.of("Köln", "Zürich")))).isEqualTo(6);
        assertThat(count(Filter.where("temperature", gt(5)))).isEqualTo(3);
        assertThat(count(Filter.where("temperature", gte(5)))).isEqualTo(5);
        assertThat(count(Filter.where("temperature", lt(5)))).isEqualTo(1);
        assertThat(count(Filter.where("temperature", lte(5)))).isEqualTo(3);
        assertThat(count(Filter.where("temperature", ne(5)))).isEqualTo(4);
        assertThat(count(Filter.where("place", like("K%")))).isEqualTo(3);
        assertThat(count(Filter.where("place", ilike("k%")))).isEqualTo(3);
        assertThat(count(Filter.where("place", ilike("%zür%")))).isEqualTo(3);
        assertThat(count(Filter.where("place", notLike("K%")))).isEqualTo(3);
        assertThat(count(Filter.where("temperature", between(5, 8)))).isEqualTo(5);
        assertThat(count(Filter.where("date", between(JAN_2, JAN_3)))).isEqualTo(4);
        assertThat(count(Filter.where("temperature", in(1, 6)))).isEqualTo(2);
        assertThat(count(Filter.where("place", notIn("Köln")))).isEqualTo(3);
        assertThat(count(Filter.where("place", startsWith("Zü")))).isEqualTo(3);
        assertThat(count(Filter.where("place", endsWith("ln")))).isEqualTo(3);
        assertThat(count(Filter.where("place", startsWith("%")))).as("% is literal in startsWith").isZero();
        assertThat(count(Filter.where("temperature", isNull()))).isZero();
        assertThat(count(Filter.where("temperature", notNull()))).isEqualTo(6);
        assertThat(count(Filter.where("date", JAN_1))).isEqualTo(2);
        assertThat(count(Filter.where("temperature", gt(5.5)))).as("a double against a BIGINT column").isEqualTo(3);
        assertThat(count(Filter.where("temperature", in()))).isZero();
        assertThat(count(Filter.where("temperature", notIn()))).isEqualTo(6);
    }

    @Test
    void conditionsAreAndedAndOrGroupsAreExplicit() {
        assertThat(count(Filter.where("place", "Zürich").and("temperature", gte(6)))).isEqualTo(2);
        assertThat(count(Filter.where("temperature", lt(2)).or("temperature", gt(7)))).isEqualTo(3);
        assertThat(count(Filter.where("place", "Köln").and(Filter.anyOf(Filter.where("temperature", 1), Filter.where("temperature", 5)))))
                .isEqualTo(2);
        assertThat(weather.count(Filter.of(Map.of("place", "Köln", "temperature", gt(4))))).isEqualTo(2);
        assertThat(weather.find(Map.of("place", "Zürich", "date", JAN_2)).toMaps()).singleElement()
                .satisfies(r -> assertThat(r.get("temperature")).isEqualTo(8L));
        assertThat(count(Filter.anyOf())).isZero();
        assertThat(count(Filter.none())).isEqualTo(6);
    }

    @Test
    void rowsComeInKeyOrderUnlessOrderedAndPage() {
        List<Map<String, Object>> rows = weather.all().orderBy("-temperature", "place").toMaps();
        assertThat(rows).extracting(r -> r.get("temperature") + " " + r.get("place"))
                .containsExactly("8 Köln", "8 Zürich", "6 Zürich", "5 Köln", "5 Zürich", "1 Köln");
        assertThat(rows.get(0).keySet()).containsExactly("id", "date", "temperature", "place");
        assertThat(weather.all().orderBy("temperature").offset(1).limit(2).toMaps()).extracting(r -> r.get("temperature"))
                .containsExactly(5L, 5L);
        assertThat(weather.all().limit(2).count()).isEqualTo(2);
        assertThat(weather.findOne(Filter.where("place", "Zürich")).orElseThrow().get("temperature")).isEqualTo(6L);
        assertThat(weather.findOne(Filter.where("place", "Paris"))).isEmpty();
        try (Stream<Weather> s = weather.find("place", "Köln").stream(Weather.class)) {
            assertThat(s.mapToLong(Weather::temperature).sum()).isEqualTo(14);
        }
    }

    @Test
    void distinctOverOneAndTwoColumns() {
        assertThat(weather.distinct("place")).extracting(r -> r.get("place")).containsExactly("Köln", "Zürich");
        assertThat(weather.distinct("temperature")).extracting(r -> r.get("temperature")).containsExactly(1L, 5L, 6L, 8L);
        assertThat(weather.distinct("place", "temperature")).hasSize(6);
        assertThat(weather.distinct("temperature", "date")).hasSize(4);
        assertThat(weather.distinct(List.of("temperature"), Filter.where("place", "Zürich"))).hasSize(3);
    }

    @Test
    void anUnknownColumnInAFilterOrOrderNamesTheClosest() {
        assertThatThrownBy(() -> weather.count(Filter.where("temprature", 5))).isInstanceOf(MallardException.class)
                .hasMessageContaining("\"temprature\"").hasMessageContaining("closest is \"temperature\"");
        assertThatThrownBy(() -> weather.all().orderBy("-plase").toMaps()).hasMessageContaining("closest is \"place\"");
        assertThatThrownBy(() -> weather.distinct("dat")).hasMessageContaining("closest is \"date\"");
        assertThatThrownBy(() -> weather.count(Filter.where("temperature", "warm"))).hasMessageContaining("cannot compare column \"temperature\"");
    }

    @Test
    void aMissingTableReadsAsEmpty() {
        Table none = db.table("nothing_here");
        assertThat(none.exists()).isFalse();
        assertThat(none.count()).isZero();
        assertThat(none.all().toMaps()).isEmpty();
        assertThat(none.columns()).isEmpty();
        assertThat(none.delete(Filter.none())).isZero();
        assertThat(none.update(Map.of("a", 1), "a")).isZero();
        assertThat(none.drop()).isFalse();
    }

    @Test
    void rawSqlWithParameters() {
        assertThat(db.query("SELECT count(*) AS n FROM weather WHERE temperature > ?", 5).scalar(Long.class)).isEqualTo(3);
        assertThat(db.query("SELECT place FROM weather WHERE date = ? ORDER BY id", JAN_1).toList(String.class))
                .containsExactly("Köln", "Zürich");
    }

    // ---- writes

    @Test
    void insertReturnsTheNewKey() {
        Object id = weather.insert(Map.of("date", JAN_3, "temperature", 2, "place", "Wien"));
        assertThat(id).isEqualTo(7L);
        assertThat(weather.insert(Map.of("place", "Graz"))).isEqualTo(8L);
        assertThat(weather.count(Filter.where("temperature", isNull()))).isEqualTo(1);
        assertThat(weather.insert(Map.of("id", 100, "place", "Linz"))).isEqualTo(100L);
        assertThat(weather.insert(Map.of("place", "Bern"))).as("numbering goes on after a key given by hand").isEqualTo(101L);
    }

    @Test
    void insertTwiceAddsTwoRows() {
        Map<String, Object> row = Map.of("date", JAN_1, "temperature", -10, "place", "Oslo");
        weather.insert(row);
        weather.insert(row);
        assertThat(weather.count()).isEqualTo(8);
    }

    @Test
    void insertIgnoreTwiceAddsOneRow() {
        Map<String, Object> row = Map.of("date", JAN_1, "temperature", -10, "place", "Oslo");
        assertThat(weather.insertIgnore(row, "date", "place")).isTrue();
        assertThat(weather.insertIgnore(row, "date", "place")).isFalse();
        assertThat(weather.count()).isEqualTo(7);
        assertThat(weather.insertIgnore(Map.of("date", JAN_1, "temperature", 99, "place", "Köln"), "date", "place")).isFalse();
        assertThat(weather.count(Filter.where("temperature", 99))).isZero();
    }

    @Test
    void upsertTwiceAddsOneRowAndUpdatesIt() {
        weather.upsert(Map.of("date", JAN_1, "temperature", -10, "place", "Oslo"), "date", "place");
        weather.upsert(Map.of("date", JAN_1, "temperature", -12, "place", "Oslo"), "date", "place");
        assertThat(weather.count()).isEqualTo(7);
        assertThat(weather.findOne(Map.of("place", "Oslo")).orElseThrow()).containsEntry("temperature", -12L).containsEntry("id", 7L);
        // an upsert names only some columns: the others keep their values; a new key adds a column
        weather.upsert(Map.of("date", JAN_1, "place", "Oslo", "wind", "strong"), "date", "place");
        assertThat(weather.findOne(Map.of("place", "Oslo")).orElseThrow()).containsEntry("temperature", -12L).containsEntry("wind", "strong");
        assertThat(weather.count()).isEqualTo(7);
        // a NULL given on purpose is written; sparse rows in one call each keep what they leave out
        weather.upsertMany(List.of(row("date", JAN_1, "place", "Oslo", "wind", null), row("date", JAN_2, "place", "Köln", "wind", "calm"),
                row("date", JAN_3, "place", "Köln", "temperature", 4)), "date", "place");
        assertThat(weather.findOne(Map.of("place", "Oslo")).orElseThrow()).containsEntry("temperature", -12L).containsEntry("wind", null);
        assertThat(weather.find("place", "Köln").orderBy("date").toMaps()).extracting(r -> r.get("temperature") + "/" + r.get("wind"))
                .containsExactly("1/null", "8/calm", "4/null");
    }

    @Test
    void upsertManyMergesRepeatedKeysAndIsOneStatementPerBatch() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) rows.add(Map.of("name", "n" + (i % 1200), "v", i));
        Table t = db.table("kv");
        assertThat(t.upsertMany(rows, "name")).isEqualTo(1200);
        assertThat(t.count()).isEqualTo(1200);
        assertThat(t.findOne(Map.of("name", "n5")).orElseThrow().get("v")).isEqualTo(2405L);
        t.upsertMany(List.of(Map.of("name", "n5", "v", -1), Map.of("name", "new", "v", -2)), "name");
        assertThat(t.count()).isEqualTo(1201);
        assertThat(t.findOne(Map.of("name", "n5")).orElseThrow().get("v")).isEqualTo(-1L);
    }

    @Test
    void insertManyTakesSparseRowsStreamsAndManyBatches() {
        Table t = db.table("sparse");
        assertThat(t.insertMany(List.of(Map.of("a", 1), Map.of("b", "x"), Map.of("a", 3, "c", true)))).isEqualTo(3);
        assertThat(t.columns()).containsExactly("id", "a", "b", "c");
        List<Map<String, Object>> rows = t.all().toMaps();
        assertThat(rows.get(1)).containsEntry("a", null).containsEntry("b", "x").containsEntry("c", null);
        assertThat(t.insertMany(IntStream.range(0, 2500).mapToObj(i -> Map.of("a", i)))).isEqualTo(2500);
        assertThat(t.count()).isEqualTo(2503);
        assertThat(t.count(Filter.where("a", gte(0)))).isEqualTo(2502);
        assertThat(t.all().orderBy("-id").limit(1).toMaps().get(0).get("id")).isEqualTo(2503L);
    }

    @Test
    void rowsMayBeRecordsPojosAndJsonText() {
        record Person(String name, int age) {}
        Table people = db.table("people");
        people.insert(new Person("Ann", 37));
        people.insert(new Pojo("Bob", 41));
        people.insert("{\"name\": \"Cy\", \"age\": 29, \"tags\": [\"a\", \"b\"], \"address\": {\"city\": \"Köln\"}}");
        assertThat(people.columns()).containsExactly("id", "name", "age", "tags", "address");
        assertThat(people.columnTypes().get("tags")).isIn(ColumnType.JSON, ColumnType.TEXT);
        assertThat(people.all().columns("name", "age").toList(Person.class)).containsExactly(new Person("Ann", 37), new Person("Bob", 41), new Person("Cy", 29));
        Map<String, Object> cy = people.findOne(Map.of("name", "Cy")).orElseThrow();
        assertThat(((String) cy.get("tags")).replace(" ", "")).isEqualTo("[\"a\",\"b\"]");
        assertThat(((String) cy.get("address")).replace(" ", "")).isEqualTo("{\"city\":\"Köln\"}");
        assertThatThrownBy(() -> people.insert("[1, 2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> people.insert("{\"name\": }")).hasMessageContaining("invalid JSON row at character");
    }

    /** A class with getters, as rows from older code come. */
    public static final class Pojo {
        private final String name;
        private final int age;

        Pojo(String name, int age) {
            this.name = name;
            this.age = age;
        }

        public String getName() {
            return name;
        }

        public int getAge() {
            return age;
        }
    }

    @Test
    void updateAndDelete() {
        assertThat(weather.update(Map.of("place", "Köln", "temperature", 0), "place")).isEqualTo(3);
        assertThat(weather.count(Filter.where("temperature", 0))).isEqualTo(3);
        assertThat(weather.update(Map.of("place", "Paris", "temperature", 0), "place")).isZero();
        assertThat(weather.updateMany(List.of(Map.of("id", 4, "note", "warm"), Map.of("id", 5, "note", "warmer")), "id")).isEqualTo(2);
        assertThat(weather.find(Filter.where("note", notNull())).toMaps()).extracting(r -> r.get("note")).containsExactly("warm", "warmer");
        assertThat(weather.delete(Filter.where("place", "Köln"))).isEqualTo(3);
        assertThat(weather.count()).isEqualTo(3);
        assertThat(weather.delete(Filter.none())).isEqualTo(3);
        assertThat(weather.count()).isZero();
    }

    @Test
    void dropThenRecreateByInsert() {
        assertThat(weather.drop()).isTrue();
        assertThat(db.tables()).doesNotContain("weather");
        assertThat(weather.exists()).isFalse();
        assertThat(weather.insert(row("place", "Bonn", "rain", 2.5))).isEqualTo(1L);
        assertThat(weather.columns()).containsExactly("id", "place", "rain");
        assertThat(weather.count()).isEqualTo(1);
    }

    @Test
    void namesAreTrimmedAndMatchedCaseInsensitively() {
        Table t = db.table("People");
        t.insert(Map.of("Name", "Ann"));
        db.table(" people ").insert(Map.of("name ", "Bob"));
        db.table("PEOPLE").insert(Map.of("NAME", "Cy", "Age", 3));
        assertThat(t.columns()).containsExactly("id", "Name", "Age");
        assertThat(db.tables().stream().filter(n -> n.equalsIgnoreCase("people"))).containsExactly("People");
        assertThat(t.count(Filter.where("name", "Bob"))).isEqualTo(1);
        assertThat(t.count(Filter.where(" NAME", in("Ann", "Cy")))).isEqualTo(2);
        assertThat(t.all().orderBy("-AGE").first().orElseThrow()).containsEntry("Name", "Cy");
    }

    @Test
    void invalidNamesAreClearErrors() {
        assertThatThrownBy(() -> db.table("  ")).hasMessageContaining("invalid table name").hasMessageContaining("empty");
        assertThatThrownBy(() -> weather.insert(Map.of("bad\"name", 1))).hasMessageContaining("invalid column name")
                .hasMessageContaining("double quote");
        assertThatThrownBy(() -> weather.insert(Map.of("x".repeat(64), 1))).hasMessageContaining("longer than 63 bytes");
        Map<String, Object> twice = new LinkedHashMap<>();
        twice.put("Place", "a");
        twice.put("place", "b");
        assertThatThrownBy(() -> weather.insert(twice)).hasMessageContaining("both \"Place\" and \"place\"");
        assertThatThrownBy(() -> weather.upsert(Map.of("place", "x"), "date")).hasMessageContaining("no value for the key column \"date\"");
        assertThat(weather.count()).isEqualTo(6);
        assertThat(weather.columns()).containsExactly("id", "date", "temperature", "place");
    }

    // ---- types

    @Test
    void aValueThatDoesNotFitFailsTheWholeWriteUnlessWideningIsAllowed() {
        List<Map<String, Object>> rows = List.of(Map.of("place", "Bonn", "temperature", 3, "new_column", "n"),
                Map.of("place", "Bonn", "temperature", 3.5));
        assertThatThrownBy(() -> weather.insertMany(rows)).isInstanceOf(MallardException.class)
                .hasMessageContaining("column \"temperature\"").hasMessageContaining("BIGINT").hasMessageContaining("3.5")
                .hasMessageContaining("withWidening");
        assertThat(weather.count()).as("nothing half-written").isEqualTo(6);
        assertThat(weather.columns()).containsExactly("id", "date", "temperature", "place");

        Table wide = db.table("weather", TableOptions.defaults().withWidening());
        assertThat(wide.insertMany(rows)).isEqualTo(2);
        assertThat(wide.columnTypes()).containsEntry("temperature", ColumnType.DOUBLE);
        assertThat(wide.find("place", "Bonn").orderBy("id").toMaps()).extracting(r -> r.get("temperature")).containsExactly(3.0, 3.5);
        assertThat(wide.count(Filter.where("temperature", 8))).isEqualTo(2);
        wide.insert(Map.of("date", LocalDateTime.of(2011, 1, 4, 12, 30)));
        assertThat(wide.columnTypes()).containsEntry("date", ColumnType.TIMESTAMP);
        assertThat(wide.count(Filter.where("date", JAN_1.atStartOfDay()))).isEqualTo(2);
        wide.insert(Map.of("temperature", "hot"));
        assertThat(wide.columnTypes()).containsEntry("temperature", ColumnType.TEXT);
    }

    @Test
    void nullsDoNotDecideAColumnsType() {
        Table t = db.table("late");
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("x", null);
        empty.put("when", null);
        t.insert(empty);
        t.insert(Map.of("x", 5, "when", JAN_2));
        assertThat(t.columnTypes()).containsEntry("x", ColumnType.BIGINT).containsEntry("when", ColumnType.DATE);
        assertThat(t.count(Filter.where("x", gt(4)))).isEqualTo(1);
        assertThatThrownBy(() -> t.insert(Map.of("x", "five"))).hasMessageContaining("column \"x\"");
    }

    @Test
    void typesFollowTheValuesAndCanBeGiven() {
        Table t = db.table("typed", TableOptions.defaults().withType("price", ColumnType.DECIMAL));
        t.insert(Map.of("price", 3, "ratio", 0.5, "flag", true, "at", LocalDateTime.of(2024, 5, 6, 7, 8, 9), "big", new BigDecimal("12.345")));
        assertThat(t.columnTypes()).containsEntry("price", ColumnType.DECIMAL).containsEntry("ratio", ColumnType.DOUBLE)
                .containsEntry("flag", ColumnType.BOOLEAN).containsEntry("at", ColumnType.TIMESTAMP).containsEntry("big", ColumnType.DECIMAL);
        Map<String, Object> row = t.all().first().orElseThrow();
        assertThat((BigDecimal) row.get("price")).isEqualByComparingTo("3");
        assertThat((BigDecimal) row.get("big")).isEqualByComparingTo("12.345");
        assertThat(row.get("at")).isEqualTo(LocalDateTime.of(2024, 5, 6, 7, 8, 9));
        assertThat(row.get("flag")).isEqualTo(true);
        Table keyed = db.table("codes", TableOptions.defaults().withPrimaryKey("code", ColumnType.TEXT));
        assertThat(keyed.insert(Map.of("code", "DE", "name", "Germany"))).isEqualTo("DE");
        assertThatThrownBy(() -> keyed.insert(Map.of("code", "DE", "name", "again"))).isInstanceOf(MallardException.class);
        assertThat(keyed.count()).isEqualTo(1);
        Table bare = db.table("bare", TableOptions.defaults().withoutPrimaryKey());
        assertThat(bare.insert(Map.of("a", 1))).isNull();
        assertThat(bare.columns()).containsExactly("a");
    }

    // ---- files

    @Test
    void tablesAndQueriesFreezeToFilesAndThawBack(@TempDir Path dir) throws Exception {
        weather.insert(Map.of("place", "Wien"));
        for (DataFormat format : DataFormat.values()) {
            Path file = dir.resolve("weather." + format.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(weather.exportTo(file)).isEqualTo(7);
            Table copy = db.table("copy_" + format.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(copy.importFrom(file)).as("%s", format).isEqualTo(7);
            assertThat(copy.all().toMaps()).as("%s", format).isEqualTo(weather.all().toMaps());
        }
        assertThat(Files.readAllLines(dir.resolve("weather.csv"))).startsWith("id,date,temperature,place", "1,2011-01-01,1,Köln")
                .endsWith("7,,,Wien");
        assertThat(Files.readAllLines(dir.resolve("weather.ndjson")).get(0))
                .isEqualTo("{\"id\":1,\"date\":\"2011-01-01\",\"temperature\":1,\"place\":\"Köln\"}");
        Path warm = dir.resolve("warm.json");
        assertThat(Freeze.write(db.query("SELECT place, date FROM weather WHERE temperature > ? ORDER BY id", 6), warm)).isEqualTo(2);
        assertThat(Files.readString(warm)).isEqualTo("[\n{\"place\":\"Köln\",\"date\":\"2011-01-02\"},\n{\"place\":\"Zürich\",\"date\":\"2011-01-02\"}\n]\n");
        assertThat(weather.find("place", "Zürich").exportTo(dir.resolve("z.csv"), DataFormat.CSV)).isEqualTo(3);
        assertThatThrownBy(() -> db.table("t").importFrom(dir.resolve("missing.csv"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> weather.exportTo(dir.resolve("w.xlsx"))).hasMessageContaining(".csv, .json, .ndjson");
    }

    // ---- transactions and threads

    @Test
    void aTransactionIsRolledBackByAnException() {
        assertThatThrownBy(() -> {
            try (var tx = db.begin()) {
                tx.table("weather").insert(Map.of("place", "Rom"));
                tx.table("ledger").insert(Map.of("amount", 10));
                assertThat(tx.table("weather").count()).isEqualTo(7);
                throw new IllegalStateException("boom");
            }
        }).hasMessage("boom");
        assertThat(weather.count()).isEqualTo(6);
        assertThat(db.table("ledger").exists()).isFalse();
    }

    @Test
    void aCommittedTransactionKeepsItsWrites() {
        try (var tx = db.begin()) {
            tx.table("weather").insert(Map.of("place", "Rom"));
            tx.table("weather").delete(Filter.where("place", "Köln"));
            tx.commit();
        }
        assertThat(weather.count()).isEqualTo(4);
        try (var tx = db.begin()) {
            tx.table("weather").insert(Map.of("place", "Riga"));
            assertThatThrownBy(() -> tx.table("weather").insert(Map.of("temperature", "cold"))).hasMessageContaining("temperature");
            assertThatThrownBy(tx::commit).hasMessageContaining("can only be rolled back");
        }
        assertThat(weather.count(Filter.where("place", "Riga"))).isZero();
    }

    @Test
    void fiveThreadsInsertAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<List<Object>>> done = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    List<Object> ids = new ArrayList<>();
                    Table events = db.table("events");
                    for (int i = 0; i < 40; i++) ids.add(events.insert(Map.of("thread", thread, "i", i, "field" + (i % 3), "x")));
                    events.insertMany(IntStream.range(0, 50).mapToObj(i -> Map.of("thread", thread, "bulk", i)).toList());
                    return ids;
                }));
            }
            Set<Object> ids = new HashSet<>();
            for (Future<List<Object>> f : done) ids.addAll(f.get());
            assertThat(ids).hasSize(200);
            Table events = db.table("events");
            assertThat(events.count()).isEqualTo(450);
            assertThat(events.distinct("thread")).hasSize(5);
            assertThat(events.columns()).contains("field0", "field1", "field2", "bulk");
        } finally {
            pool.shutdownNow();
        }
    }
}
