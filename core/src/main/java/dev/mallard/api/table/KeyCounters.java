package dev.mallard.api.table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next automatic key of each table, for backends that do not number rows themselves. A counter
 * starts past the largest key in the table and is only used under the store's write lock, so every
 * key it hands out is new even across open transactions; keys of rolled-back rows are not reused
 * (a sequence behaves the same). Another process writing the same file would need the engine's
 * own sequences: a clash there fails with a duplicate-key error, never overwrites.
 */
final class KeyCounters {
    private final Map<String, long[]> next = new ConcurrentHashMap<>();

    /** The next key of {@code table} (stored names), read from the table on first use. */
    long take(Connection c, Dialect dialect, String table, String key) throws SQLException {
        long[] counter = counter(c, dialect, table, key);
        return counter[0]++;
    }

    /** Makes sure keys handed out later stay above {@code used}, a key the caller gave. */
    void passed(Connection c, Dialect dialect, String table, String key, long used) throws SQLException {
        long[] counter = counter(c, dialect, table, key);
        if (used >= counter[0]) counter[0] = used + 1;
    }

    void forget(String table) {
        next.remove(Names.key(table));
    }

    private long[] counter(Connection c, Dialect dialect, String table, String key) throws SQLException {
        long[] counter = next.get(Names.key(table));
        if (counter != null) return counter;
        long max = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(" + dialect.quote(key) + ") FROM " + dialect.quote(table))) {
            if (rs.next()) max = rs.getLong(1);
        }
        counter = new long[] {max + 1};
        next.put(Names.key(table), counter);
        return counter;
    }
}
