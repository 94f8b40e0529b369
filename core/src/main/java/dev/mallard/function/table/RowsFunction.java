package dev.mallard.function.table;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.List;

/** Rows computed before the query runs (sniff_csv's answer, a session's rejects), read as a table function. */
public record RowsFunction(String name, List<String> columnNames, List<LogicalType> columnTypes, List<Object[]> rows)
        implements BoundTableFunction {
    public RowsFunction {
        rows = List.copyOf(rows);
    }

    @Override
    public long estimatedRows() {
        return rows.size();
    }

    @Override
    public Reader open() {
        return new Reader() {
            int next;

            @Override
            public boolean next(DataChunk out) {
                int n = 0;
                while (next < rows.size() && n < out.column(0).capacity()) {
                    Object[] row = rows.get(next++);
                    for (int c = 0; c < row.length; c++) out.column(c).setObject(n, row[c]);
                    n++;
                }
                out.setCount(n);
                return n > 0;
            }
        };
    }
}
