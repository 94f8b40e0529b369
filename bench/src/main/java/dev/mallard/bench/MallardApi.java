package dev.mallard.bench;

import dev.mallard.api.Database;

/**
 * Mallard through the Java API a program would use: {@code db.sql(...)}, the rows read back as
 * Java values. The database holds either the Java lists, registered by name and read in place, or
 * tables copied from them (for a view of what reading the lists costs against Mallard's own storage).
 */
record MallardApi(String label, Database db) implements Contender {
    @Override
    public boolean reference() {
        return false;
    }

    @Override
    public void setThreads(int threads) {
        db.sql("SET threads = " + threads);
    }

    @Override
    public QueryRunner.Outcome answer(QueryRunner runner, QuerySet queries, int id, int timeoutSeconds) {
        String sql = queries.sql(Engine.MALLARD, id);
        return runner.call(() -> AnswerTables.of(db.sql(sql)), timeoutSeconds);
    }
}
