package dev.mallard.api.table;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mallard.Mallard;
import dev.mallard.api.Database;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The table API on a real PostgreSQL server: the one {@code scripts/with-postgres.sh} starts for
 * {@code ./test} (its URL in MALLARD_POSTGRES_URL, or -Dmallard.postgres.url). Without a server
 * these tests fail — a skip would pass for "works on PostgreSQL" — unless the run opts out with
 * MALLARD_POSTGRES=off (or -Dmallard.postgres=off), which skips them and says so.
 */
class PostgresTableApiTest extends TableApiContract {
    static String url;

    @BeforeAll
    static void server() {
        url = setting("mallard.postgres.url", "MALLARD_POSTGRES_URL");
        if (url != null && !url.isBlank()) return;
        if ("off".equalsIgnoreCase(setting("mallard.postgres", "MALLARD_POSTGRES"))) {
            Assumptions.abort("PostgreSQL tests opted out (MALLARD_POSTGRES=off)");
        }
        fail("no PostgreSQL server for the table API tests: run them through ./test or scripts/with-postgres.sh (which start one),"
                + " set MALLARD_POSTGRES_URL=jdbc:postgresql://..., or opt out with MALLARD_POSTGRES=off");
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        return v != null ? v : System.getenv(env);
    }

    /** Each test starts from an empty schema: the server outlives the tests. */
    @Override
    Database open() {
        Database db = Mallard.open(url);
        db.sql("DROP SCHEMA IF EXISTS public CASCADE");
        db.sql("CREATE SCHEMA public");
        return db;
    }
}
