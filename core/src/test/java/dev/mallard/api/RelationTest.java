package dev.mallard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.Mallard;
import dev.mallard.MallardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relational builder: each step and chains of them give what the equivalent SQL gives; errors name their step. */
class RelationTest {
    record Trip(String vendor, double fare, LocalDate day, Integer passengers) {}

    record VendorFares(String vendor, long trips, double avgFare) {}

    private static final List<Trip> TRIPS = List.of(
            new Trip("acme", 12.5, LocalDate.of(2024, 1, 1), 1),
            new Trip("acme", 8.0, LocalDate.of(2024, 1, 2), 2),
            new Trip("bolt", 30.0, LocalDate.of(2024, 1, 2), null),
            new Trip("bolt", 14.0, LocalDate.of(2024, 1, 3), 3),
            new Trip("cab", 5.5, LocalDate.of(2024, 1, 3), 1),
            new Trip("cab", 5.5, LocalDate.of(2024, 1, 3), 1),
            new Trip("dash", 21.0, LocalDate.of(2024, 1, 4), 4));

    private Database db;

    @BeforeEach
    void open() {
        db = Mallard.open();
        db.sql("CREATE TABLE vendors (id VARCHAR, name VARCHAR, since INTEGER)");
        db.sql("INSERT INTO vendors VALUES ('acme', 'Acme Cars', 2001), ('bolt', 'Bolt', 2015), ('cab', 'Cab Co', 1999), ('zoom', 'Zoom', 2020)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The same query in SQL over the same list, for comparison. */
    private List<Map<String, Object>> sql(String query) {
        return db.sql(query, Map.of("trips", TRIPS)).toMaps();
    }

    @Test
    void eachStepGivesWhatItsSqlGives() {
        Relation trips = db.from(TRIPS);
        assertThat(trips.filter("fare > 10").orderBy("fare").toMaps())
                .isEqualTo(sql("SELECT * FROM trips WHERE fare > 10 ORDER BY fare"));
        assertThat(trips.project("vendor", "fare * 2 AS double_fare").orderBy("double_fare").toMaps())
                .isEqualTo(sql("SELECT vendor, fare * 2 AS double_fare FROM trips ORDER BY double_fare"));
        assertThat(trips.select("vendor, day").distinct().orderBy("vendor", "day").toMaps())
                .isEqualTo(sql("SELECT DISTINCT vendor, day FROM trips ORDER BY vendor, day"));
        assertThat(trips.aggregate("vendor, count(*) AS n, avg(fare) AS f").orderBy("vendor").toMaps())
                .isEqualTo(sql("SELECT vendor, count(*) AS n, avg(fare) AS f FROM trips GROUP BY vendor ORDER BY vendor"));
        assertThat(trips.aggregate("max(fare) AS top", "vendor").orderBy("top").toMaps())
                .isEqualTo(sql("SELECT max(fare) AS top FROM trips GROUP BY vendor ORDER BY top"));
        assertThat(trips.orderBy("fare DESC", "vendor").limit(3).toMaps())
                .isEqualTo(sql("SELECT * FROM trips ORDER BY fare DESC, vendor LIMIT 3"));
        assertThat(trips.orderBy("fare", "vendor").limit(2, 3).toMaps())
                .isEqualTo(sql("SELECT * FROM trips ORDER BY fare, vendor LIMIT 2 OFFSET 3"));
        assertThat(trips.distinct().count()).isEqualTo(6);
    }

    @Test
    void aggregateWithoutPlainItemsIsOneRow() {
        assertThat(db.from(TRIPS).aggregate("count(*) AS n, sum(fare) AS total").toMaps())
                .isEqualTo(sql("SELECT count(*) AS n, sum(fare) AS total FROM trips"));
        assertThat(db.from(TRIPS).filter("fare > 1000").aggregate("count(*)").scalar(Long.class)).isZero();
    }

    @Test
    void aChainBecomesOneSelectBlockWhenClauseOrderAllowsIt() {
        Relation r = db.from("vendors").filter("since > 2000").filter("name <> 'Zoom'")
                .aggregate("id, count(*) AS n").orderBy("id DESC").limit(5);
        assertThat(r.toSql()).isEqualTo("SELECT id, count(*) AS n FROM vendors WHERE ((since > 2000) AND (name <> 'Zoom'))"
                + " GROUP BY ALL ORDER BY id DESC LIMIT 5");
        assertThat(r.toMaps()).isEqualTo(db.sql("SELECT id, count(*) AS n FROM vendors WHERE since > 2000 AND name <> 'Zoom'"
                + " GROUP BY id ORDER BY id DESC LIMIT 5").toMaps());
    }

    @Test
    void aStepThatCannotJoinTheBlockSeesTheRowsBeforeIt() {
        Relation trips = db.from(TRIPS);
        // The filter must see the projected name, so the projection becomes a subquery.
        Relation doubled = trips.project("vendor, fare * 2 AS double_fare").filter("double_fare > 25");
        assertThat(doubled.toSql()).contains("FROM (SELECT vendor, (fare * 2) AS double_fare FROM ");
        assertThat(doubled.count()).isEqualTo(3);
        assertThat(doubled.project("double_fare").orderBy("double_fare").toList(Double.class)).containsExactly(28.0, 42.0, 60.0);
        // A second limit cuts the first one's rows; a sort after a limit sorts those rows only.
        assertThat(trips.limit(2).limit(10).count()).isEqualTo(2);
        assertThat(trips.orderBy("fare").limit(3).orderBy("fare DESC").project("fare").toList(Double.class))
                .containsExactly(8.0, 5.5, 5.5);
        // A filter after an aggregate filters the groups.
        assertThat(trips.aggregate("vendor, sum(fare) AS total").filter("total > 20.5").orderBy("vendor").project("vendor")
                .toList(String.class)).containsExactly("bolt", "dash");
        // A projection of sorted rows keeps their order.
        assertThat(trips.orderBy("fare DESC", "vendor").project("vendor").toList(String.class))
                .containsExactly("bolt", "dash", "bolt", "acme", "acme", "cab", "cab");
    }

    @Test
    void theOptimizerSeesThroughTheSubqueriesOfAChain() {
        Relation nested = db.from("vendors").project("id, since * 2 AS twice").filter("twice > 4000").project("id");
        assertThat(nested.toSql()).isEqualTo("SELECT id FROM (SELECT id, (since * 2) AS twice FROM vendors) AS vendors WHERE (twice > 4000)");
        assertThat(nested.explain()).isEqualTo(explain("SELECT id FROM vendors WHERE since * 2 > 4000"));
    }

    private String explain(String sql) {
        return db.sql("EXPLAIN " + sql).column("explain_value", String[].class)[0];
    }

    @Test
    void relationsAreImmutableAndReusable() {
        Relation vendors = db.from("vendors");
        Relation old = vendors.filter("since < 2010");
        Relation recent = vendors.filter("since >= 2010");
        assertThat(vendors.toSql()).isEqualTo("SELECT * FROM vendors");
        assertThat(old.count()).isEqualTo(2);
        assertThat(recent.count()).isEqualTo(2);
        assertThat(old.count()).isEqualTo(2);
        assertThat(vendors.count()).isEqualTo(4);
    }

    @Test
    void javaDataIsReadAsItIsAtEachRun() {
        List<Trip> trips = new ArrayList<>(TRIPS);
        Relation expensive = db.from(trips).filter("fare > 20");
        assertThat(expensive.count()).isEqualTo(2);
        trips.add(new Trip("echo", 99.0, LocalDate.of(2024, 2, 1), 2));
        assertThat(expensive.count()).isEqualTo(3);
        assertThat(expensive.orderBy("fare DESC").limit(1).project("vendor").scalar(String.class)).isEqualTo("echo");
    }

    @Test
    void sourcesAreTablesRegisteredNamesFilesAndJavaData(@TempDir Path dir) throws Exception {
        db.register("registered", TRIPS);
        assertThat(db.from("registered").count()).isEqualTo(7);
        assertThat(db.from("main.vendors").count()).isEqualTo(4);
        Path csv = dir.resolve("rides.csv");
        Files.writeString(csv, "vendor,fare\nacme,3.5\nbolt,4.5\nacme,10\n");
        Relation file = db.from(csv.toString());
        assertThat(file.toSql()).isEqualTo("SELECT * FROM '" + csv + "'");
        assertThat(file.aggregate("vendor, sum(fare) AS total").orderBy("vendor").toMaps())
                .isEqualTo(db.sql("SELECT vendor, sum(fare) AS total FROM '" + csv + "' GROUP BY vendor ORDER BY vendor").toMaps());
        // A file's rows can be qualified with the name given to them.
        assertThat(file.as("r").filter("r.fare > 4").count()).isEqualTo(2);
        Map<String, long[]> columns = Map.of("k", new long[] {3, 1, 2});
        assertThat(db.from(columns).orderBy("k").toList(Long.class)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void joinsOnAConditionOrOnSharedColumns() {
        Relation trips = db.from(TRIPS);
        Relation vendors = db.from("vendors");
        assertThat(trips.join(vendors, "vendor = id").aggregate("name, count(*) AS n").orderBy("name").toMaps())
                .isEqualTo(sql("SELECT name, count(*) AS n FROM trips JOIN vendors ON vendor = id GROUP BY name ORDER BY name"));
        assertThat(trips.leftJoin(vendors, "vendor = vendors.id").filter("name IS NULL").project("vendor").toList(String.class))
                .containsExactly("dash");
        Relation named = vendors.project("id AS vendor, name");
        assertThat(trips.join(named, "vendor").columns()).containsExactly("vendor", "fare", "day", "passengers", "name");
        assertThat(trips.join(named, "vendor").count()).isEqualTo(6);
        // A self-join needs names for its sides.
        assertThatThrownBy(() -> vendors.join(vendors, "since < since"))
                .isInstanceOf(MallardException.class).hasMessageContaining("as(...)");
        Relation older = vendors.as("a").join(vendors.as("b"), "a.since < b.since").filter("b.id = 'bolt'").project("a.id").orderBy("id");
        assertThat(older.toList(String.class)).containsExactly("acme", "cab");
    }

    @Test
    void setOperations() {
        Relation cheap = db.from(TRIPS).filter("fare < 10").project("vendor");
        Relation acme = db.from(TRIPS).filter("vendor = 'acme'").project("vendor");
        assertThat(cheap.union(acme).orderBy("vendor").toList(String.class)).containsExactly("acme", "cab");
        assertThat(cheap.unionAll(acme).count()).isEqualTo(5);
        assertThat(cheap.except(acme).toList(String.class)).containsExactly("cab");
        assertThat(cheap.intersect(acme).toList(String.class)).containsExactly("acme");
        assertThat(cheap.orderBy("vendor").limit(1).unionAll(acme.limit(1)).count()).isEqualTo(2);
        assertThat(cheap.unionAll(db.from("vendors").project("id")).distinct().count()).isEqualTo(4);
    }

    @Test
    void terminalCallsReturnJavaData() {
        Relation fares = db.from(TRIPS).aggregate("vendor, count(*) AS trips, avg(fare) AS avg_fare").orderBy("vendor");
        assertThat(fares.toList(VendorFares.class)).first().isEqualTo(new VendorFares("acme", 2, 10.25));
        assertThat(fares.stream(VendorFares.class).map(VendorFares::vendor).toList()).containsExactly("acme", "bolt", "cab", "dash");
        try (var rows = fares.stream()) {
            assertThat(rows.map(m -> m.get("trips")).toList()).containsExactly(2L, 2L, 2L, 1L);
        }
        assertThat(fares.execute().doubles("avg_fare")).containsExactly(10.25, 22.0, 5.5, 21.0);
        assertThat(fares.columns()).containsExactly("vendor", "trips", "avg_fare");
        assertThat(fares.count()).isEqualTo(4);
        assertThat(db.from(TRIPS).project("max(day)").scalar(LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(fares.explain()).isEqualTo(db.sql("EXPLAIN " + fares.toSql(), Map.of(javaName(fares), TRIPS))
                .column("explain_value", String[].class)[0]);
        assertThat(fares.toString()).isEqualTo(fares.toSql());
    }

    /** The name a relation over Java data binds it by, as its SQL shows. */
    private static String javaName(Relation r) {
        var m = java.util.regex.Pattern.compile("java_data_\\d+").matcher(r.toSql());
        assertThat(m.find()).isTrue();
        return m.group();
    }

    @Test
    void aFragmentThatDoesNotParseIsAnErrorNamingItsStep() {
        Relation trips = db.from(TRIPS);
        assertThatThrownBy(() -> trips.filter("fare >"))
                .isInstanceOf(MallardException.Parse.class).hasMessageStartingWith("filter(\"fare >\"): syntax error");
        // A fragment is one piece of its kind: text that would change the query around it is refused.
        assertThatThrownBy(() -> trips.filter("1 = 1) OR (1 = 1")).isInstanceOf(MallardException.Parse.class);
        assertThatThrownBy(() -> trips.filter("true; DROP TABLE vendors")).isInstanceOf(MallardException.Parse.class);
        assertThatThrownBy(() -> trips.project("vendor FROM vendors")).isInstanceOf(MallardException.Parse.class)
                .hasMessageStartingWith("project(\"vendor FROM vendors\"):");
        assertThatThrownBy(() -> trips.orderBy("fare DESC LIMIT 1")).isInstanceOf(MallardException.Parse.class);
        assertThatThrownBy(() -> trips.join(db.from("vendors"), "vendor = id, fare")).isInstanceOf(MallardException.Parse.class);
        assertThatThrownBy(() -> trips.filter(" ")).isInstanceOf(MallardException.class).hasMessageContaining("filter(\" \")");
        assertThatThrownBy(() -> trips.project()).isInstanceOf(MallardException.class).hasMessageContaining("project()");
        assertThatThrownBy(() -> trips.limit(-1)).isInstanceOf(MallardException.class);
        assertThat(db.sql("SELECT count(*) FROM vendors").scalar(Long.class)).isEqualTo(4);
    }

    @Test
    void aQueryThatDoesNotBindNamesTheFirstStepToBlame() {
        Relation r = db.from(TRIPS).filter("fare > 10").project("vendr, fare").orderBy("fare");
        assertThatThrownBy(r::toMaps).isInstanceOf(MallardException.class)
                .hasMessageStartingWith("project(\"vendr, fare\"): ").hasMessageContaining("vendr")
                .satisfies(e -> assertThat(((MallardException) e).sqlState()).isEqualTo("42703"));
        assertThatThrownBy(() -> db.from("vendorz").filter("since > 1").count())
                .hasMessageStartingWith("from(\"vendorz\"): ").hasMessageContaining("vendors");
        assertThatThrownBy(() -> db.from("vendors").join(db.from(TRIPS).filter("fair > 1"), "id = vendor").count())
                .hasMessageStartingWith("filter(\"fair > 1\"): ");
        // An error of running the query, not of its text, is passed on as it is.
        assertThatThrownBy(() -> db.from("vendors").project("CAST(name AS INTEGER)").toMaps())
                .isInstanceOf(MallardException.class).message().doesNotStartWith("project");
    }

    @Test
    void namesThatNeedQuotesAreQuoted() {
        db.sql("CREATE TABLE \"Odd Name\" (\"select\" INTEGER, \"two words\" VARCHAR)");
        db.sql("INSERT INTO \"Odd Name\" VALUES (1, 'a'), (2, 'b')");
        Relation odd = db.from("Odd Name").filter("\"select\" > 1").project("\"two words\"");
        assertThat(odd.toSql()).isEqualTo("SELECT \"two words\" FROM \"Odd Name\" WHERE (\"select\" > 1)");
        assertThat(odd.toList(String.class)).containsExactly("b");
    }

    @Test
    void relationsOfDifferentDatabasesDoNotMix() {
        try (Database other = Mallard.open()) {
            assertThatThrownBy(() -> db.from(TRIPS).join(other.from(TRIPS), "vendor"))
                    .isInstanceOf(MallardException.class).hasMessageContaining("different databases");
        }
    }
}
