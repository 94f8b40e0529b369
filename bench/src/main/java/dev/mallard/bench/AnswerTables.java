package dev.mallard.bench;

import dev.mallard.api.Result;
import dev.mallard.sqllogictest.ResultTable;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers that do not come through JDBC, as the {@link ResultTable}s the suite compares with
 * DuckDB's: the comparison looks at values only, so column types are left as OTHER.
 */
final class AnswerTables {
    private AnswerTables() {}

    /** Rows of Java values under {@code names}. */
    static ResultTable of(List<String> names, List<Object[]> rows) {
        List<ResultTable.Column> columns = new ArrayList<>();
        for (String n : names) columns.add(new ResultTable.Column(n, "", Types.OTHER, -1));
        return new ResultTable(columns, rows);
    }

    /** A Mallard result read in full, as Java values (what a program using the Java API gets). */
    static ResultTable of(Result result) {
        List<String> names = result.columnNames();
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> row : result.toMaps()) rows.add(row.values().toArray());
        return of(names, rows);
    }
}
