package dev.mallard.bench;

import dev.mallard.api.Database;

/**
 * Mallard querying the Java lists in place, registered by name, through the Java API a program
 * would use: {@code db.sql(...)}, the rows read back as Java values.
 */
record MallardOnLists(Database db) implements Contender {
    @Override
    public String label() {
        return "Mallard on the lists";
    }

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
