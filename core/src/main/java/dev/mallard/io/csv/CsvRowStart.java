package dev.mallard.io.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Finds where the first row after an arbitrary byte offset begins, so a thread can start reading
 * a plain file in its middle. A newline is not enough: it may sit inside a quoted field. So each
 * position after a newline is tried by parsing ahead; it is taken when the next rows all have the
 * file's field count and no quote out of place (DuckDB's approach). A position inside a quoted
 * field soon meets the field's closing quote in an unquoted position, or a row of the wrong width.
 */
final class CsvRowStart {
    private static final int ROWS_CHECKED = 12;

    private CsvRowStart() {}

    /**
     * The offset of the first row starting at or after {@code from}, or {@code size} when none
     * does. {@code ragged}: rows may have fewer or more fields than {@code columns}.
     */
    static long find(FileChannel ch, long from, long size, CsvDialect d, int columns, boolean ragged) throws IOException {
        if (from <= 0) return 0;
        if (from >= size) return size;
        int window = 1 << 13;
        while (true) {
            long winStart = from - 1;
            int len = (int) Math.min(window, size - winStart);
            byte[] b = new byte[len];
            ByteBuffer bb = ByteBuffer.wrap(b);
            long at = winStart;
            while (bb.hasRemaining()) {
                int n = ch.read(bb, at);
                if (n < 0) break;
                at += n;
            }
            boolean toEnd = winStart + len >= size;
            for (int q = 1; q < len; q++) {
                byte prev = b[q - 1];
                if (prev != '\n' && !(prev == '\r' && b[q] != '\n')) continue;
                if (plausible(b, q, len, toEnd, d, columns, ragged)) return winStart + q;
            }
            if (toEnd) {
                // A newline as the file's last byte: nothing starts after it.
                return size;
            }
            if (window >= 1 << 28) return size;
            window *= 4;
        }
    }

    private static boolean plausible(byte[] b, int q, int len, boolean toEnd, CsvDialect d, int columns, boolean ragged)
            throws IOException {
        CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream(b, q, len - q), d, true, Integer.MAX_VALUE / 4, 0, -1, len - q + 1);
        t.probe = true;
        int checked = 0;
        while (checked < ROWS_CHECKED && t.next()) {
            boolean complete = t.rowEnd < len - q || toEnd;
            if (!complete) break; // cut by the window: its width says nothing
            if (t.error != CsvTokenizer.OK) return false;
            if (!t.blankRow()) {
                if (ragged ? t.fieldCount < 1 : t.fieldCount != columns) return false;
            }
            checked++;
        }
        return checked > 0;
    }
}
