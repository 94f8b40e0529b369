package dev.mallard.bench;

import dev.mallard.tpch.TpchQueries;
import java.util.List;

/**
 * The queries a {@link QuerySuite} measures: their ids in report order, a short name for the
 * progress log and the tables, and each one's text as a given engine should run it.
 */
interface QuerySet {
    List<Integer> ids();

    String name(int id);

    String sql(Engine engine, int id);

    /** The selected TPC-H queries, rewritten for the row stores' dialects. */
    static QuerySet tpch(List<Integer> queries) {
        return new QuerySet() {
            @Override public List<Integer> ids() { return queries; }
            @Override public String name(int id) { return "Q" + id; }
            @Override public String sql(Engine engine, int id) { return PeerDialect.rewrite(engine, TpchQueries.sql(id)); }
        };
    }
}
