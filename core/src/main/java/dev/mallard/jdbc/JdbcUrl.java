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
 *   <li>{@code jdbc:mallard:PATH} — a database file</li>
 * </ul>
 *
 * @param name the shared database's name or the file path; empty for a private database
 */
record JdbcUrl(Kind kind, String name) {
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
                return name.isEmpty() ? new JdbcUrl(Kind.PRIVATE_MEMORY, "") : new JdbcUrl(Kind.SHARED_MEMORY, name);
            }
        }
        if (rest.isEmpty() || lower.equals("memory")) return new JdbcUrl(Kind.PRIVATE_MEMORY, "");
        return new JdbcUrl(Kind.FILE, rest);
    }
}
