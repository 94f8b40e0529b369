package dev.mallard.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Finds where the first row at or after an arbitrary byte offset begins, so a thread can start
 * reading a plain file in its middle. A newline is not enough: it may sit inside a quoted field.
 * So each position after a newline is tried by parsing the rows from it (DuckDB's approach): it is
 * taken when the next rows all have the file's width and no quote out of place. A position inside a quoted field meets the field's closing quote in an unquoted position,
 * or a row of the wrong width, on its first row.
 *
 * <p>Whether a position is taken depends only on the bytes from it on, never on where the search
 * began. That makes {@code find} agree with itself: the reader of the split before a boundary asks
 * the same question and reads exactly up to the row the next split starts at, so bad rows near a
 * boundary, which push the next split's start further, are read (and reported) by the earlier
 * split instead of being skipped by both. Files with bad rows everywhere are read by fewer
 * threads, never wrongly.
 */
final class CsvRowStart {
    private static final int ROWS_CHECKED = 12;
    /**
     * A probe from inside a quoted field may see the rest of the file as one quoted field; it gives
     * up past this many bytes so that each try stays cheap. A real row that long is then never a
     * split's start, and the split before reads on through it.
     */
    private static final int PROBE_LIMIT = 1 << 20;

    private CsvRowStart() {}

    /**
     * The offset of the first row starting at or after {@code from}, or {@code size} when none
     * does. {@code ragged}: rows may have fewer or more fields than {@code columns}.
     */
    static long find(FileChannel ch, long from, long size, CsvDialect d, int columns, boolean ragged) throws IOException {
        if (from <= 0) return 0;
        if (from >= size) return size;
        byte[] b = new byte[8192];
        long at = from - 1;
        byte prev = 0;
        boolean first = true;
        while (at < size) {
            int n = read(ch, at, b, b.length);
            if (n <= 0) break;
            for (int i = 0; i < n; i++) {
                byte c = b[i];
                if (!first) {
                    // A row starts after LF, and after a CR not followed by LF.
                    boolean starts = prev == '\n' || prev == '\r' && c != '\n';
                    long q = at + i;
                    if (starts && q >= from && fits(ch, q, size, d, columns, ragged)) return q;
                }
                first = false;
                prev = c;
            }
            at += n;
        }
        return size;
    }

    private static boolean fits(FileChannel ch, long q, long size, CsvDialect d, int columns, boolean ragged) throws IOException {
        CsvTokenizer t = new CsvTokenizer(new Positional(ch, q, size), d, true, PROBE_LIMIT, q, -1, 4096);
        t.probe = true;
        int checked = 0;
        while (checked < ROWS_CHECKED && t.next()) {
            boolean ok = t.error == CsvTokenizer.OK && (t.blankRow() || (ragged ? t.fieldCount >= 1 : t.fieldCount == columns));
            if (!ok) return false;
            checked++;
        }
        return checked > 0;
    }

    private static int read(FileChannel ch, long at, byte[] b, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, 0, len);
        int total = 0;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, at + total);
            if (n < 0) break;
            total += n;
        }
        return total;
    }

    /** Reads a channel from an offset by positional reads, leaving the channel's own position alone. */
    static final class Positional extends InputStream {
        private final FileChannel ch;
        private long at;
        private final long size;

        Positional(FileChannel ch, long at, long size) {
            this.ch = ch;
            this.at = at;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at >= size) return -1;
            int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, size - at)), at);
            if (n <= 0) return -1;
            at += n;
            return n;
        }
    }
}
