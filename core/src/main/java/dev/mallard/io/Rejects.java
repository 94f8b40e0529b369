package dev.mallard.io;

/**
 * Where a read puts rows it cannot load ({@code ignore_errors}, {@code store_rejects}): with
 * {@link #accepts()} false the read fails at the first bad row instead. Thread-safe: the threads
 * of a parallel scan share one.
 */
public interface Rejects {
    /** Whether bad rows are skipped (and kept here) rather than failing the read. */
    boolean accepts();

    /**
     * One rejected row.
     *
     * @param line       1-based line of the row in the (decompressed) file, or -1
     * @param byteOffset offset of the row's first byte, or -1
     * @param column     1-based column, or -1 when the row as a whole is wrong (too many fields)
     * @param columnName that column's name, or null
     * @param errorType  a short kind: CAST, MISSING_COLUMNS, TOO_MANY_COLUMNS, UNQUOTED_VALUE, INVALID_UNICODE, ...
     * @param rawLine    the row's text as read
     * @param message    the full error, as it would have been thrown
     */
    void reject(FileInput file, long line, long byteOffset, int column, String columnName, String errorType, String rawLine,
                String message);

    /** Skips bad rows without keeping them ({@code ignore_errors} alone). */
    Rejects IGNORE = new Rejects() {
        @Override
        public boolean accepts() {
            return true;
        }

        @Override
        public void reject(FileInput file, long line, long byteOffset, int column, String columnName, String errorType, String rawLine,
                           String message) {
            // dropped by request
        }
    };

    /** Keeps at most {@code limit} rejects (0: all), skipping the rest of the bad rows all the same. */
    default Rejects limitedTo(long limit) {
        if (limit <= 0) return this;
        Rejects all = this;
        java.util.concurrent.atomic.AtomicLong kept = new java.util.concurrent.atomic.AtomicLong();
        return new Rejects() {
            @Override
            public boolean accepts() {
                return all.accepts();
            }

            @Override
            public void reject(FileInput file, long line, long byteOffset, int column, String columnName, String errorType, String rawLine,
                               String message) {
                if (kept.incrementAndGet() <= limit) all.reject(file, line, byteOffset, column, columnName, errorType, rawLine, message);
            }
        };
    }

    /** Rejects nothing: the first bad row fails the read. */
    Rejects NONE = new Rejects() {
        @Override
        public boolean accepts() {
            return false;
        }

        @Override
        public void reject(FileInput file, long line, long byteOffset, int column, String columnName, String errorType, String rawLine,
                           String message) {
            throw new IllegalStateException("rows are not rejected here");
        }
    };
}
