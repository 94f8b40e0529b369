package dev.mallard.api.scan;

import dev.mallard.vector.Vector;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-pass fill of a scan's columns: copies of {@link RowLoop} for a row class and the
 * columns a query reads, a copy per eight columns. Made once per class and column set and kept,
 * so every query reading the same columns runs the same, already compiled, loop.
 */
final class RowLoops {
    /** Column sets kept per class, beyond which a scan fills column by column (a copy is a class). */
    static final int MAX_KEPT = 64;

    private static final ClassValue<Map<List<ColumnFiller>, Optional<RowLoops>>> KEPT = new ClassValue<>() {
        @Override
        protected Map<List<ColumnFiller>, Optional<RowLoops>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final MethodHandle[] loops;

    private RowLoops(MethodHandle[] loops) {
        this.loops = loops;
    }

    /** The loops filling {@code columns} of rows of {@code rowClass}, or null when there are none (the column fillers still work). */
    static RowLoops of(Class<?> rowClass, List<JavaColumn> columns) {
        List<ColumnFiller> fillers = columns.stream().map(JavaColumn::filler).toList();
        Map<List<ColumnFiller>, Optional<RowLoops>> kept = KEPT.get(rowClass);
        Optional<RowLoops> loops = kept.get(fillers);
        if (loops == null) {
            if (kept.size() >= MAX_KEPT) return null;
            loops = kept.computeIfAbsent(fillers, f -> Optional.ofNullable(make(f)));
        }
        return loops.orElse(null);
    }

    private static RowLoops make(List<ColumnFiller> fillers) {
        List<MethodHandle> loops = new ArrayList<>();
        for (int from = 0; from < fillers.size(); from += RowLoop.WIDTH) {
            Object[] writes = new Object[RowLoop.WIDTH];
            try {
                for (int k = 0; k < RowLoop.WIDTH; k++) {
                    writes[k] = from + k < fillers.size() ? RowWrites.of(fillers.get(from + k), from + k) : RowWrites.none();
                }
            } catch (RuntimeException e) {
                return null;
            }
            MethodHandle loop = LoopCopies.copy(RowLoop.class, Vector[].class, writes);
            if (loop == null) return null;
            loops.add(loop);
        }
        return new RowLoops(loops.toArray(MethodHandle[]::new));
    }

    /**
     * Writes the columns of {@code rows[0..count)} to positions {@code 0..count)} of {@code out}
     * (a vector per column). Whatever the row getters or the writers throw passes through.
     */
    void fill(Object[] rows, int count, Vector[] out) throws Throwable {
        for (MethodHandle loop : loops) loop.invokeExact(rows, count, out);
    }
}
