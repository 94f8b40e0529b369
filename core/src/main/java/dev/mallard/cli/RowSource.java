package dev.mallard.cli;

/** Rows to print, as text (null cells are SQL NULL), read once. */
@FunctionalInterface
public interface RowSource {
    /** The next row's cells, or null after the last row. */
    String[] next();

    static RowSource of(java.util.List<String[]> rows) {
        java.util.Iterator<String[]> it = rows.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }
}
