package dev.mallard.execution.operator;

import dev.mallard.catalog.TableEntry;
import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SourceResult;
import dev.mallard.storage.DataTable;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads columns of a base table (and the row-id pseudo column {@link DataTable#ROW_ID}). Morsels
 * are row groups: threads take the next row group from a shared counter and read it in vectors of
 * 2048 rows. The scan reads {@link DataTable#rowIdLimit()} once at its start, so rows appended while
 * it runs are not seen.
 */
public final class PhysicalTableScan extends PhysicalOperator {
    private final TableEntry table;
    private final int[] columns;
    private final List<String> columnNames;

    public PhysicalTableScan(TableEntry table, int[] columns, List<LogicalType> types, List<String> columnNames) {
        super(types);
        this.table = table;
        this.columns = columns.clone();
        this.columnNames = List.copyOf(columnNames);
    }

    public TableEntry table() {
        return table;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String name() {
        return "TABLE_SCAN";
    }

    @Override
    public List<String> details() {
        return List.of(table.name(), "(" + String.join(", ", columnNames) + ")");
    }

    static final class Global extends GlobalSourceState {
        final DataTable storage;
        final long limit;
        final int groups;
        final AtomicInteger nextGroup = new AtomicInteger();

        Global(DataTable storage) {
            this.storage = storage;
            this.limit = storage.rowIdLimit();
            this.groups = (int) ((limit + DataTable.ROW_GROUP_SIZE - 1) / DataTable.ROW_GROUP_SIZE);
        }

        @Override
        public int maxThreads() {
            return Math.max(1, groups);
        }
    }

    static final class Local extends LocalSourceState {
        long position;
        long end;
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        return new Global(table.storage());
    }

    @Override
    public LocalSourceState localSourceState(ExecutionContext ctx, GlobalSourceState global) {
        return new Local();
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        Global g = (Global) global;
        Local l = (Local) local;
        int capacity = Math.min(Vector.DEFAULT_CAPACITY, out.columnCount() == 0 ? Vector.DEFAULT_CAPACITY : out.column(0).capacity());
        while (true) {
            if (l.position >= l.end) {
                int group = g.nextGroup.getAndIncrement();
                if (group >= g.groups) return SourceResult.FINISHED;
                l.batchIndex = group;
                l.position = (long) group * DataTable.ROW_GROUP_SIZE;
                l.end = Math.min(l.position + DataTable.ROW_GROUP_SIZE, g.limit);
            }
            int n = (int) Math.min(capacity, l.end - l.position);
            g.storage.scan(l.position, n, g.limit, columns, out); // with no columns it just counts live rows
            l.position += n;
            if (out.count() > 0) return SourceResult.HAVE_MORE_OUTPUT;
        }
    }
}
