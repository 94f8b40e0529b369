package dev.mallard.execution.data;

import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The global side of an order-preserving sink: collects each thread's {@link BatchedRows} and, once
 * all are in, yields one collection in source order (batch index order; rows of one batch keep
 * their order). With one thread nothing is copied.
 */
public final class OrderedRows {
    private final List<LogicalType> types;
    private final List<BatchedRows> locals = new ArrayList<>();

    public OrderedRows(List<LogicalType> types) {
        this.types = List.copyOf(types);
    }

    public synchronized void add(BatchedRows local) {
        if (local.rows().size() > 0) locals.add(local);
    }

    /** All rows in batch order. Call once, after every {@link #add}. */
    public synchronized ColumnCollection finish() {
        if (locals.isEmpty()) return new ColumnCollection(types, 1);
        if (locals.size() == 1 && locals.get(0).ordered()) return locals.get(0).rows();
        List<BatchedRows.Part> parts = BatchedRows.allParts(locals);
        parts.sort(Comparator.comparingLong(BatchedRows.Part::batch)); // stable: equal batches keep their order
        int total = 0;
        for (BatchedRows.Part p : parts) total += p.to() - p.from();
        ColumnCollection out = new ColumnCollection(types, Math.max(1, total));
        for (BatchedRows.Part p : parts) out.append(p.owner().rows(), p.from(), p.to() - p.from());
        locals.clear();
        return out;
    }
}
