package dev.mallard.cli;

import dev.mallard.engine.QueryResult;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import java.util.List;

/** A query result's rows as text, with {@link Values#toText} (what CAST(x AS VARCHAR) gives). */
final class QueryRows implements RowSource {
    private final QueryResult result;
    private final List<LogicalType> types;
    private DataChunk chunk;
    private int position;
    private boolean done;

    QueryRows(QueryResult result) {
        this.result = result;
        this.types = result.columnTypes();
    }

    static ResultColumns columns(QueryResult result) {
        return new ResultColumns(result.columnNames(), result.columnTypes());
    }

    @Override
    public String[] next() {
        if (done) return null;
        while (chunk == null || position >= chunk.count()) {
            chunk = result.next();
            position = 0;
            if (chunk == null) {
                done = true;
                return null;
            }
        }
        String[] row = new String[types.size()];
        for (int c = 0; c < row.length; c++) row[c] = Values.toText(types.get(c), chunk.getObject(c, position));
        position++;
        return row;
    }
}
