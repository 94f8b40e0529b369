package dev.mallard.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Cuts a byte stream into rows and fields by a {@link CsvDialect}, RFC 4180 style: quoted
 * fields may hold delimiters, newlines and doubled (or escaped) quotes; rows end at LF, CRLF or
 * CR; the last row may lack a newline. A row's fields are byte ranges into {@link #buf}, valid
 * until the next {@link #next()} — values convert straight from there, with no String in between
 * unless the column is text.
 *
 * <p>A row that runs past the buffered bytes is parsed again once more bytes are in: simpler than
 * a resumable state machine, and it costs one re-scan per buffer refill only.
 */
final class CsvTokenizer {
    /** Outcome of parsing one row. */
    static final int OK = 0, UNTERMINATED_QUOTE = 1, UNQUOTED_VALUE = 2, LINE_TOO_LONG = 3;
    /** Field flags. */
    static final byte QUOTED = 1, ESCAPED = 2;

    private final InputStream in;
    private final byte delim, quote, escape;
    private final boolean strict;
    private final int maxLineSize;
    /**
     * Treat a quote inside an unquoted field as an error. Real files may hold such quotes, but a
     * parse that starts inside a quoted field (guessing where a split's first row starts) meets
     * the closing quote exactly so; the row-start probe sets this to tell the two apart.
     */
    boolean probe;

    byte[] buf;
    private int limit;
    private int pos;
    private boolean eof;
    /** Stream offset of buf[0]. */
    private long base;

    int fieldCount;
    int[] starts = new int[16];
    int[] ends = new int[16];
    byte[] flags = new byte[16];
    /** The current row's first and past-last byte (its newline included) in {@link #buf}. */
    int rowStart, rowEnd;
    /** Stream offset of the current row. */
    long rowOffset;
    /** 1-based line where the current row starts; counts lines inside quoted fields too. -1 when unknown. */
    long rowLine;
    private long nextLine;
    /** {@link #OK} or why the current row is malformed; the row's fields are still what could be read. */
    int error;

    private byte[] unescaped = new byte[64];

    CsvTokenizer(InputStream in, CsvDialect d, boolean strict, int maxLineSize, long startOffset, long startLine) {
        this(in, d, strict, maxLineSize, startOffset, startLine, 1 << 18);
    }

    CsvTokenizer(InputStream in, CsvDialect d, boolean strict, int maxLineSize, long startOffset, long startLine, int bufferSize) {
        this.in = in;
        this.delim = d.delimiter();
        this.quote = d.quote();
        this.escape = d.escape();
        this.strict = strict;
        this.maxLineSize = maxLineSize;
        this.buf = new byte[bufferSize];
        this.delimWord = ONES * (delim & 0xFF);
        this.base = startOffset;
        this.nextLine = startLine;
    }

    /** Stream offset of the next row. */
    long offset() {
        return base + pos;
    }

    long nextLine() {
        return nextLine;
    }

    /** Drops {@code n} bytes (a BOM); only before the first row. */
    void skipBytes(int n) throws IOException {
        while (limit - pos < n && fill()) { }
        pos = Math.min(limit, pos + n);
    }

    /** Whether the stream starts (at the current position) with these bytes. */
    boolean startsWith(byte[] prefix) throws IOException {
        while (limit - pos < prefix.length && fill()) { }
        if (limit - pos < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (buf[pos + i] != prefix[i]) return false;
        return true;
    }

    /** Parses the next row; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) return false;
            int r = parse(pos);
            if (r >= 0) {
                cutRow = null;
                // A whole row may sit in the buffer and still be too long.
                if (r - pos > maxLineSize) error = LINE_TOO_LONG;
                rowStart = pos;
                rowEnd = r;
                rowOffset = base + pos;
                rowLine = nextLine;
                if (nextLine >= 0) nextLine += lines;
                pos = r;
                return true;
            }
            if (r == -2) {
                // Too long: report it as a row with that error and go on after its end, if any.
                error = LINE_TOO_LONG;
                rowOffset = base + pos;
                rowLine = nextLine;
                fieldCount = 0;
                cutRow = new String(buf, pos, Math.min(limit - pos, 10_000), java.nio.charset.StandardCharsets.UTF_8);
                skipLongRow();
                rowStart = rowEnd = pos;
                return true;
            }
            if (!fill()) {
                eof = true;
            }
        }
    }

    private void skipLongRow() throws IOException {
        // Unknown quoting state past this point: resume at the next newline, which is the best guess.
        nextLine = -1;
        pos = limit;
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    pos = i + 1;
                    return;
                }
            }
            pos = limit;
            if (!fill()) return;
        }
    }

    /** Lines the last parsed row spans. */
    private int lines;

    /**
     * Parses a row starting at {@code p}: returns where the next row starts, -1 when more input
     * is needed first, -2 when the row exceeds the maximum line size.
     */
    private int parse(int p) {
        fieldCount = 0;
        error = OK;
        lines = 1;
        final byte[] b = buf;
        final int lim = limit;
        while (true) {
            int s = p, e;
            byte f = 0;
            if (quote != 0 && p < lim && b[p] == quote) {
                f = QUOTED;
                p++;
                s = p;
                while (true) {
                    if (p >= lim) {
                        if (!eof) return more(p);
                        error = UNTERMINATED_QUOTE;
                        e = p;
                        break;
                    }
                    byte c = b[p];
                    if (c == quote) {
                        if (escape == quote) {
                            if (p + 1 >= lim && !eof) return more(p);
                            if (p + 1 < lim && b[p + 1] == quote) {
                                f |= ESCAPED;
                                p += 2;
                                continue;
                            }
                        }
                        e = p;
                        p++;
                        break;
                    }
                    if (c == escape && escape != 0) {
                        if (p + 1 >= lim) {
                            if (!eof) return more(p);
                            p++;
                            continue;
                        }
                        f |= ESCAPED;
                        p += 2;
                        continue;
                    }
                    if (c == '\n') lines++;
                    else if (c == '\r' && (p + 1 >= lim || b[p + 1] != '\n')) lines++;
                    p++;
                }
                if (p < lim && b[p] != delim && b[p] != '\n' && b[p] != '\r' && error == OK) {
                    // Text after the closing quote ("ab"cd): strict mode refuses it, otherwise it is kept
                    // with the quotes as written, which is what the writer most likely meant.
                    if (strict) error = UNQUOTED_VALUE;
                    while (p < lim && b[p] != delim && b[p] != '\n' && b[p] != '\r') p++;
                    if (p >= lim && !eof) return more(p);
                    s = s - 1;
                    e = p;
                    f = 0;
                }
            } else {
                if (probe && quote != 0) {
                    while (p < lim) {
                        byte c = b[p];
                        if (c == delim || c == '\n' || c == '\r') break;
                        if (c == quote) error = UNQUOTED_VALUE;
                        p++;
                    }
                } else {
                    p = scanUnquoted(b, p, lim);
                }
                if (p >= lim && !eof) return more(p);
                e = p;
            }
            addField(s, e, f);
            if (p >= lim) return p; // end of input ends the row
            byte c = b[p];
            if (c == delim) {
                p++;
                if (p >= lim && eof) {
                    addField(p, p, (byte) 0);
                    return p;
                }
                continue;
            }
            if (c == '\r') {
                if (p + 1 >= lim && !eof) return more(p);
                p++;
                if (p < lim && b[p] == '\n') p++;
                return p;
            }
            // '\n'
            return p + 1;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L;
    private static final long LF = ONES * '\n', CR = ONES * '\r';
    private final long delimWord;

    /**
     * The end of an unquoted field: the first delimiter or newline at or after {@code p}, or
     * {@code lim}. Eight bytes at a time, since this loop is where most of the time goes on plain
     * numeric files: a byte equal to the one sought is a zero byte after XOR, and the classic
     * "has a zero byte" bit trick finds the first one.
     */
    private int scanUnquoted(byte[] b, int p, int lim) {
        long dw = delimWord;
        while (p + 8 <= lim) {
            long w = (long) LONGS.get(b, p);
            long x = zeroBytes(w ^ dw) | zeroBytes(w ^ LF) | zeroBytes(w ^ CR);
            if (x != 0) return p + (Long.numberOfTrailingZeros(x) >>> 3);
            p += 8;
        }
        while (p < lim) {
            byte c = b[p];
            if (c == delim || c == '\n' || c == '\r') break;
            p++;
        }
        return p;
    }

    /** High bit set in the lowest zero byte of {@code v} (bytes above it may be flagged falsely, which the caller never reads). */
    private static long zeroBytes(long v) {
        return (v - ONES) & ~v & HIGHS;
    }

    private int more(int p) {
        return p - pos > maxLineSize ? -2 : -1;
    }

    private void addField(int s, int e, byte f) {
        if (fieldCount == starts.length) {
            int n = fieldCount * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            flags = Arrays.copyOf(flags, n);
        }
        starts[fieldCount] = s;
        ends[fieldCount] = e;
        flags[fieldCount] = f;
        fieldCount++;
    }

    /** Reads more input, keeping the unparsed bytes from {@code pos}; false at end of input. */
    private boolean fill() throws IOException {
        if (eof) return false;
        if (pos > 0) {
            int keep = limit - pos;
            System.arraycopy(buf, pos, buf, 0, keep);
            base += pos;
            limit = keep;
            pos = 0;
        }
        if (limit == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return limit > pos;
        }
        limit += n;
        return true;
    }

    /**
     * Field {@code i} with escapes resolved, as {@code [0, return)} of {@link #unescapedBytes()};
     * only for fields flagged {@link #ESCAPED}.
     */
    int unescape(int i) {
        int s = starts[i], e = ends[i];
        if (unescaped.length < e - s) unescaped = new byte[Math.max(e - s, unescaped.length * 2)];
        int n = 0;
        for (int p = s; p < e; p++) {
            byte c = buf[p];
            if ((c == escape || c == quote) && p + 1 < e) {
                // Doubled quote or escape + char: keep the char after it.
                p++;
                c = buf[p];
            }
            unescaped[n++] = c;
        }
        return n;
    }

    byte[] unescapedBytes() {
        return unescaped;
    }

    /** Whether the current row is a blank line (no bytes but its newline). */
    boolean blankRow() {
        return fieldCount == 1 && starts[0] == ends[0] && flags[0] == 0 && error == OK;
    }

    /** The start of a row too long to buffer, which was skipped. */
    private String cutRow;

    /** The current row as text, for errors and rejects; cut when very long. */
    String rowText() {
        if (cutRow != null) return cutRow;
        int e = rowEnd;
        while (e > rowStart && (buf[e - 1] == '\n' || buf[e - 1] == '\r')) e--;
        int n = Math.min(e - rowStart, 10_000);
        return new String(buf, rowStart, Math.max(n, 0), java.nio.charset.StandardCharsets.UTF_8);
    }
}
