package dev.mallard.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.sql.tree.SqlFormatter;
import dev.mallard.sql.tree.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Formatting a parsed statement and parsing the text again gives the same text: the formatter
 * and the parser agree on every construct, and the formatter's explicit parentheses keep the
 * grouping.
 */
class RoundTripTest {

    private static void assertRoundTrips(String sql) {
        for (Statement statement : SqlParser.parse(sql)) {
            String once = SqlFormatter.format(statement);
            String twice = SqlFormatter.format(SqlParser.parseOne(once));
            assertThat(twice).as("re-parsed from: %s", once).isEqualTo(once);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT a, b + c * d AS x, count(*) FROM t WHERE a = 1 AND b < 2 OR NOT c GROUP BY 1 ORDER BY x DESC NULLS LAST LIMIT 10 OFFSET 5",
        "SELECT * EXCLUDE (a, b) REPLACE (a + 1 AS c), t.* FROM s.t AS x(c1, c2) LEFT JOIN u USING (id), range(10) r(i) JOIN 'f.csv' ON true",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT * FROM r",
        "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4",
        "SELECT sum(x) FILTER (WHERE y > 0) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING), lag(x) IGNORE NULLS OVER w FROM t WINDOW w AS (ORDER BY z) QUALIFY row_number() OVER w = 1",
        "SELECT CAST(a AS DECIMAL(10,2)), a::varchar, TRY_CAST(b AS DOUBLE PRECISION), DATE '1995-01-01', INTERVAL '3' MONTH, INTERVAL 3 DAYS, INTERVAL (x+1) DAY",
        "SELECT CASE WHEN a THEN 1 ELSE 2 END, CASE x WHEN 1 THEN 'a' END, EXTRACT(year FROM d), SUBSTRING(s FROM 2 FOR 3), POSITION('a' IN s), TRIM(LEADING 'x' FROM s), left(s, 2), \"right\"(s, 1)",
        "SELECT x IN (1,2), x NOT IN (SELECT y FROM u), EXISTS (SELECT 1), (SELECT max(y) FROM u), x > ALL (SELECT y FROM u), x IS NOT DISTINCT FROM y, s NOT ILIKE 'a%' ESCAPE '!'",
        "SELECT -2^2, - - 9223372036854775808, 1.5, .5, 1., 1e10, 'it''s', E'a\\nb', \"Quoted\"\"x\", ?, $1, -x, +y, ~z",
        "INSERT OR REPLACE INTO t (a, b) VALUES (1, DEFAULT), (2, 3)",
        "INSERT INTO t SELECT * FROM u ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b WHERE t.c > 0 RETURNING *",
        "INSERT INTO t DEFAULT VALUES; UPDATE t AS x SET a = 1 FROM u WHERE x.id = u.id; DELETE FROM t WHERE a IS NULL",
        "CREATE OR REPLACE TEMP TABLE IF NOT EXISTS s.t (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL DEFAULT 'x', d DOUBLE CHECK (d > 0), UNIQUE (name), CONSTRAINT fk FOREIGN KEY (id) REFERENCES o(id))",
        "CREATE VIEW v (a) AS SELECT 1; DROP VIEW IF EXISTS v CASCADE; ALTER TABLE t ALTER COLUMN c TYPE BIGINT",
        "EXPLAIN ANALYZE SELECT 1; DESCRIBE t; SHOW ALL TABLES; SUMMARIZE 'f.csv'; SET threads = 4; RESET threads",
        "PRAGMA table_info('t'); BEGIN; COMMIT; CHECKPOINT; CALL range(3)",
        "COPY t TO 'f.csv' (FORMAT csv, HEADER true, DELIMITER ','); COPY (SELECT 1) TO 'x.parquet' (FORMAT parquet)",
        "SELECT a FROM t GROUP BY CUBE (a, b); SELECT DISTINCT ON (a) a, b FROM t ORDER BY ALL DESC",
        "WITH v AS (SELECT 1) UPDATE t SET a = (SELECT * FROM v)",
        "SELECT \"select\", \"left\", \"Mixed Case\" FROM \"from\" AS \"join\"",
        "SELECT a FROM t WHERE x BETWEEN SYMMETRIC 1 AND 2 AND y IS NOT TRUE AND z ISNULL",
    })
    void statementsRoundTrip(String sql) {
        assertRoundTrips(sql);
    }

    static List<String> tpchQueries() {
        return java.util.stream.IntStream.rangeClosed(1, 22).mapToObj(i -> "io/trino/tpch/queries/q" + i + ".sql").toList();
    }

    /** The 22 TPC-H queries as shipped with the tpch test dependency all parse and round-trip. */
    @ParameterizedTest
    @MethodSource("tpchQueries")
    void tpchQueriesParseAndRoundTrip(String resource) throws IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(SqlParser.parse(sql)).isNotEmpty();
        assertRoundTrips(sql);
    }
}
