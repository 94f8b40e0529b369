package dev.mallard.sqllogictest;

import java.util.List;
import java.util.Set;

/**
 * The fixed, deterministic part of SQLite's corpus that the default test run executes.
 *
 * <p>SQLite's 622 scripts hold about 1 GB of SQL (up to ~10,000 queries each), far too much for
 * every build. The sample takes one script from every directory of the corpus, picking the
 * smaller variant where a directory comes in table sizes, plus the language-feature scripts:
 * <ul>
 *   <li>{@code select1.test}, {@code select2.test}, {@code select3.test} (select4 and select5,
 *       the heavy many-table joins, are left to the full report);
 *   <li>every {@code evidence/} script;
 *   <li>{@code slt_good_0.test} of {@code index/between/1000}, {@code index/commute/1000},
 *       {@code index/delete/1}, {@code index/in/10}, {@code index/orderby/10},
 *       {@code index/orderby_nosort/10}, {@code index/random/10}, {@code index/view/100};
 *   <li>{@code slt_good_0.test} of {@code random/aggregates}, {@code random/expr},
 *       {@code random/groupby}, {@code random/select}.
 * </ul>
 * That is 28 scripts and about 120,000 queries: about 70 s on DuckDB through JDBC here.
 */
public final class SqliteSample {

    private SqliteSample() {}

    private static final Set<String> CHOSEN = Set.of(
            "select1.test", "select2.test", "select3.test",
            "index/between/1000/slt_good_0.test",
            "index/commute/1000/slt_good_0.test",
            "index/delete/1/slt_good_0.test",
            "index/in/10/slt_good_0.test",
            "index/orderby/10/slt_good_0.test",
            "index/orderby_nosort/10/slt_good_0.test",
            "index/random/10/slt_good_0.test",
            "index/view/100/slt_good_0.test",
            "random/aggregates/slt_good_0.test",
            "random/expr/slt_good_0.test",
            "random/groupby/slt_good_0.test",
            "random/select/slt_good_0.test");

    public static boolean contains(String name) {
        return CHOSEN.contains(name) || name.startsWith("evidence/");
    }

    public static List<ScriptSource> select(List<ScriptSource> corpus) {
        return corpus.stream().filter(s -> contains(s.name())).toList();
    }
}
