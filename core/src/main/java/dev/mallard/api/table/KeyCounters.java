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
    /** The keys of one table: only used under the store's write lock. */
    static final class Counter {
        private long next;

        private Counter(long next) {
            this.next = next;
        }

        /** The next key. */
        long take() {
            return next++;
        }

        /** Makes sure keys handed out later stay above {@code used}, a key the caller gave. */
        void passed(long used) {
            if (used >= next) next = used + 1;
        }
    }

    private final Map<String, Counter> next = new ConcurrentHashMap<>();

    /** The next key of {@code table} (stored names), read from the table on first use. */
    long take(Connection c, Dialect dialect, String table, String key) throws SQLException {
        return counter(c, dialect, table, key).take();
    }

    /** Makes sure keys handed out later stay above {@code used}, a key the caller gave. */
    void passed(Connection c, Dialect dialect, String table, String key, long used) throws SQLException {
        counter(c, dialect, table, key).passed(used);
    }

    /** A table this writer just created, empty: its keys start at 1, with no query to ask it. */
    void created(String table) {
        next.put(Names.key(table), new Counter(1));
    }

    void forget(String table) {
        next.remove(Names.key(table));
    }

    /** The counter of {@code table} (stored names), for a writer numbering many rows. */
    Counter counter(Connection c, Dialect dialect, String table, String key) throws SQLException {
        Counter counter = next.get(Names.key(table));
        if (counter != null) return counter;
        long max = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(" + dialect.quote(key) + ") FROM " + dialect.quote(table))) {
            if (rs.next()) max = rs.getLong(1);
        }
        counter = new Counter(max + 1);
        next.put(Names.key(table), counter);
        return counter;
    }
}
