package dev.mallard.jdbc;

import java.sql.SQLException;
import java.util.Locale;

/**
 * A parsed {@code jdbc:mallard:} URL.
 *
 * <ul>
 *   <li>{@code jdbc:mallard:} or {@code jdbc:mallard::memory:} — a private in-memory database</li>
 *   <li>{@code jdbc:mallard:memory:NAME} (or {@code :memory:NAME}) — an in-memory database shared
 *       by name inside the JVM</li>
 *   <li>{@code jdbc:mallard:PATH} — a database file, created if missing; {@code ?access_mode=read_only}
 *       (or {@code ?read_only=true}) opens it read-only</li>
 * </ul>
 *
 * @param name the shared database's name or the file path; empty for a private database
 */
record JdbcUrl(Kind kind, String name, boolean readOnly) {
    static final String PREFIX = "jdbc:mallard:";

    enum Kind { PRIVATE_MEMORY, SHARED_MEMORY, FILE }

    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    static JdbcUrl parse(String url) throws SQLException {
        if (!accepts(url)) throw new SQLException("not a Mallard URL (expected jdbc:mallard:...): " + url, "08001");
        String rest = url.substring(PREFIX.length()).trim();
        String lower = rest.toLowerCase(Locale.ROOT);
        for (String memory : new String[] {":memory:", "memory:"}) {
            if (lower.startsWith(memory)) {
                String name = rest.substring(memory.length());
                return name.isEmpty() ? new JdbcUrl(Kind.PRIVATE_MEMORY, "", false) : new JdbcUrl(Kind.SHARED_MEMORY, name, false);
            }
        }
        if (rest.isEmpty() || lower.equals("memory")) return new JdbcUrl(Kind.PRIVATE_MEMORY, "", false);
        boolean readOnly = false;
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String option : rest.substring(q + 1).split("[&;]")) {
                String o = option.trim().toLowerCase(Locale.ROOT);
                if (o.isEmpty()) continue;
                switch (o) {
                    case "access_mode=read_only", "read_only=true", "readonly=true", "duckdb.read_only=true" -> readOnly = true;
                    case "access_mode=read_write", "read_only=false", "readonly=false", "duckdb.read_only=false" -> readOnly = false;
                    default -> throw new SQLException("unknown option in " + url + ": " + option
                            + " (supported: access_mode=read_only|read_write)", "08001");
                }
            }
            rest = rest.substring(0, q);
        }
        return new JdbcUrl(Kind.FILE, rest, readOnly);
    }
}
