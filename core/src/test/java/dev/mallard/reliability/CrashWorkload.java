package dev.mallard.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The transactions of the crash test, a pure function of their number: the worker that gets
 * killed and the in-memory mirror that checks it run the same statements, so the state after
 * {@code n} committed transactions is known. Every transaction records itself in {@code log};
 * transfers keep the sum of {@code accounts.balance} constant, so a partly applied one shows.
 */
final class CrashWorkload {
    static final int ACCOUNTS = 500;
    static final long TOTAL_BALANCE = ACCOUNTS * 1000L;

    private CrashWorkload() {}

    /** The statements of transaction {@code t}, committed together. */
    static List<String> transaction(long t) {
        List<String> s = new ArrayList<>();
        if (t == 0) {
            s.add("CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance BIGINT NOT NULL, owner VARCHAR)");
            s.add("INSERT INTO accounts SELECT i, 1000, 'owner ' || i FROM range(" + ACCOUNTS + ") r(i)");
            s.add("CREATE TABLE log(tx BIGINT PRIMARY KEY, kind VARCHAR NOT NULL)");
            s.add("CREATE TABLE events(tx BIGINT, seq INTEGER, payload VARCHAR, amount DECIMAL(12,2), at DATE)");
            s.add("INSERT INTO log VALUES (0, 'setup')");
            return s;
        }
        Random r = new Random(t * 7919L);
        String kind;
        switch (r.nextInt(8)) {
            case 0, 1 -> {
                kind = "transfer";
                int a = r.nextInt(ACCOUNTS), b = (a + 1 + r.nextInt(ACCOUNTS - 1)) % ACCOUNTS, amount = 1 + r.nextInt(200);
                s.add("UPDATE accounts SET balance = balance - " + amount + " WHERE id = " + a);
                s.add("UPDATE accounts SET balance = balance + " + amount + " WHERE id = " + b);
            }
            case 2 -> {
                kind = "load";
                int n = r.nextInt(12) == 0 ? 20_000 + r.nextInt(40_000) : r.nextInt(3_000);
                s.add("INSERT INTO events SELECT " + t + ", i, 'p' || (i * " + t + " % 9973), (i % 1000) * 0.01,"
                        + " DATE '2020-01-01' + CAST((i + " + t + ") % 2000 AS INTEGER) FROM range(" + n + ") r(i)");
            }
            case 3 -> {
                kind = "delete";
                s.add("DELETE FROM events WHERE tx < " + (t - 300) + " OR (tx % 7 = " + (t % 7) + " AND seq % 3 = 0)");
            }
            case 4 -> {
                kind = "update";
                s.add("UPDATE events SET payload = 'u" + t + "', amount = amount + 1 WHERE seq % 97 = " + (t % 97));
            }
            case 5 -> {
                kind = "rename";
                s.add("ALTER TABLE events RENAME TO events_moving");
                s.add("INSERT INTO events_moving VALUES (" + t + ", -1, NULL, NULL, NULL)");
                s.add("ALTER TABLE events_moving RENAME TO events");
            }
            case 6 -> {
                kind = "mixed";
                s.add("INSERT INTO events SELECT " + t + ", i, 'm', i, NULL FROM range(50) r(i)");
                s.add("DELETE FROM events WHERE tx = " + t + " AND seq % 2 = 1");
                s.add("UPDATE accounts SET owner = 'owner ' || id || ' v" + t + "' WHERE id % 50 = " + (t % 50));
            }
            default -> {
                kind = "read";
                s.add("SELECT count(*) FROM events");
            }
        }
        // DDL on a schedule of its own
        if (t % 16 == 5) s.add("ALTER TABLE accounts ADD COLUMN IF NOT EXISTS extra INTEGER DEFAULT " + t);
        if (t % 16 == 13) s.add("ALTER TABLE accounts DROP COLUMN IF EXISTS extra");
        if (t % 20 == 3) s.add("CREATE TABLE side_" + t + " AS SELECT id, balance FROM accounts WHERE id % 10 = " + (t % 10));
        if (t % 20 == 13 && t > 30) s.add("DROP TABLE IF EXISTS side_" + (t - 30));
        if (t % 40 == 17) s.add("CREATE VIEW v_" + t + " AS SELECT count(*) AS n FROM events WHERE tx > " + t);
        if (t % 40 == 37 && t > 60) s.add("DROP VIEW IF EXISTS v_" + (t - 60));
        if (t % 50 == 25) s.add("CREATE UNIQUE INDEX log_" + t + " ON log(tx, kind)");
        if (t % 50 == 45 && t > 70) s.add("DROP INDEX IF EXISTS log_" + (t - 70));
        s.add("INSERT INTO log VALUES (" + t + ", '" + kind + "')");
        return s;
    }

    /** Statements run and rolled back before transaction {@code t}: none of their changes may survive. */
    static List<String> rolledBack(long t) {
        Random r = new Random(t * 104_729L);
        if (t == 0 || r.nextInt(6) != 0) return List.of();
        return List.of(
                "INSERT INTO events SELECT -1, i, 'rolled back', 0, NULL FROM range(" + r.nextInt(4000) + ") r(i)",
                "UPDATE accounts SET balance = 0 WHERE id % 3 = 0",
                "CREATE TABLE never_" + t + "(x INTEGER)");
    }

    /** Whether the worker runs CHECKPOINT after transaction {@code t}. */
    static boolean checkpointAfter(long t) {
        return t % 23 == 11;
    }
}
