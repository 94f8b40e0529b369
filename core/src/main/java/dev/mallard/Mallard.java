package dev.mallard;

import dev.mallard.api.Database;
import dev.mallard.api.EmbeddedDatabase;
import dev.mallard.api.table.PostgresDatabase;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Mallard's front door for Java programs:
 * <pre>{@code
 * try (Database db = Mallard.open()) {                    // in memory; Mallard.open("stops.db") for a file
 *     db.register("trips", trips);                        // a List<Trip> of records, queried in place
 *     List<Fare> fares = db.sql("SELECT vendor, avg(fare) AS fare FROM trips GROUP BY vendor").toList(Fare.class);
 * }
 * }</pre>
 */
public final class Mallard {
    private Mallard() {}

    /** A new private in-memory database. */
    public static Database open() {
        return EmbeddedDatabase.inMemory();
    }

    /**
     * The database at {@code location}: a file path (created if missing), or {@code :memory:} for
     * a new in-memory database, or a PostgreSQL database ({@code jdbc:postgresql://host:port/db?user=...&password=...},
     * with PostgreSQL's JDBC driver on the class path) whose table API behaves as Mallard's.
     */
    public static Database open(String location) {
        if (location == null || location.isBlank()) {
            throw MallardException.Data.invalidArgument("Mallard.open needs a file path or \":memory:\"; Mallard.open() opens an in-memory database");
        }
        String lower = location.trim().toLowerCase(Locale.ROOT);
        if (lower.equals(":memory:")) return open();
        if (lower.startsWith("jdbc:postgresql:")) return PostgresDatabase.connect(location.trim());
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            throw MallardException.Data.invalidArgument("Mallard.open takes PostgreSQL databases as JDBC URLs: jdbc:postgresql://host:port/database"
                    + "?user=...&password=... (not " + location.replaceAll(":[^:@/]*@", ":***@") + ")");
        }
        if (lower.startsWith("jdbc:")) {
            throw MallardException.Data.invalidArgument("Mallard.open takes a file path or \":memory:\", not the JDBC URL " + location
                    + "; use DriverManager.getConnection for jdbc:mallard: URLs");
        }
        return EmbeddedDatabase.file(Path.of(location));
    }
}
