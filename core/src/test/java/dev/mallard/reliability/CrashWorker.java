package dev.mallard.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The process the crash test kills: opens the database file, continues the workload from the
 * first transaction not yet committed, and prints {@code ack N} once COMMIT of transaction N has
 * returned. Everything acknowledged must survive the SIGKILL that ends it.
 */
public final class CrashWorker {
    private CrashWorker() {}

    public static void main(String[] args) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mallard:" + args[0]); Statement s = c.createStatement()) {
            // a small log limit: checkpoints happen often, so kills land in them too
            s.execute("SET wal_autocheckpoint = '256KB'");
            long next = committed(s);
            System.out.println("start " + next);
            System.out.flush();
            c.setAutoCommit(false);
            for (long t = next; ; t++) {
                if (!CrashWorkload.rolledBack(t).isEmpty()) {
                    for (String sql : CrashWorkload.rolledBack(t)) s.execute(sql);
                    c.rollback();
                }
                for (String sql : CrashWorkload.transaction(t)) s.execute(sql);
                c.commit();
                System.out.println("ack " + t);
                System.out.flush();
                if (CrashWorkload.checkpointAfter(t)) {
                    s.execute("CHECKPOINT");
                    c.commit();
                }
            }
        }
    }

    /** Transactions committed so far: the next one to run. */
    static long committed(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM log")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) throw e;
            return 0; // killed before the first transaction committed
        }
    }
}
