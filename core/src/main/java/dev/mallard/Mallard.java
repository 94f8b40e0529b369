package dev.mallard;

import dev.mallard.api.Database;
import dev.mallard.api.EmbeddedDatabase;
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
     * a new in-memory database. PostgreSQL URLs ({@code jdbc:postgresql://...}) are planned and
     * fail for now.
     */
    public static Database open(String location) {
        if (location == null || location.isBlank()) {
            throw MallardException.Data.invalidArgument("Mallard.open needs a file path or \":memory:\"; Mallard.open() opens an in-memory database");
        }
        String lower = location.trim().toLowerCase(Locale.ROOT);
        if (lower.equals(":memory:")) return open();
        if (lower.startsWith("jdbc:postgresql:") || lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            throw new MallardException.NotImplemented("PostgreSQL databases are not supported by Mallard.open yet (" + location
                    + "); open an in-memory database with Mallard.open() or a file with Mallard.open(\"data.db\")");
        }
        if (lower.startsWith("jdbc:")) {
            throw MallardException.Data.invalidArgument("Mallard.open takes a file path or \":memory:\", not the JDBC URL " + location
                    + "; use DriverManager.getConnection for jdbc:mallard: URLs");
        }
        return EmbeddedDatabase.file(Path.of(location));
    }
}
