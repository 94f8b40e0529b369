package dev.mallard.io.csv;

import dev.mallard.io.RepeatedStrings;
import dev.mallard.io.TextDateFormat;
import dev.mallard.MallardException;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.Rejects;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import dev.mallard.types.PhysicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the rows of one split into chunks: the tokenizer's field ranges convert straight into
 * the vectors' primitive arrays. A split of a plain file holds the rows that start inside its
 * byte range; the first one is found by {@link CsvRowStart} unless the split starts where the
 * data does.
 */
final class CsvRowReader implements FormatScan.RowReader {
    private static final int K_VARCHAR = 0, K_BIGINT = 1, K_INT = 2, K_DOUBLE = 3, K_REAL = 4, K_BOOL = 5, K_DATE = 6,
            K_TIMESTAMP = 7, K_CAST = 8, K_DECIMAL = 9;

    private final CsvFileScan scan;
    private final FileInput file;
    private final CsvOptions o;
    private final Rejects rejects;
    private final int fileColumns;
    /** Output vector of each file column, -1 when not read. */
    private final int[] target;
    private final int[] kind;
    private final long[] min, max;
    private final LogicalType[] types;
    private final TextDateFormat[] formats;
    /** Per column: dates, or timestamps, in ISO form, read by the fast parser (decided once, not per value). */
    private final boolean[] isoDate, isoTimestamp;
    private final List<String> names;
    private final TextTypes parser = new TextTypes();
    /** Per file column: the Strings of values seen lately (text columns only). */
    private final RepeatedStrings[] repeated;
    private final boolean emptyIsNullForText;
    private final byte[][] otherNulls;
    private final long end;

    private InputStream in;
    private FileChannel channel;
    private CsvTokenizer tok;
    private boolean done;

    CsvRowReader(CsvFileScan scan, FormatScan.Split split, int[] columns, Rejects rejects) {
        this.scan = scan;
        this.file = scan.file();
        this.o = scan.options;
        this.rejects = rejects;
        CsvSniffer.Detected det = scan.detected;
        this.fileColumns = det.types().size();
        this.names = det.names();
        this.types = det.types().toArray(new LogicalType[0]);
        this.formats = det.formats();
        this.isoDate = new boolean[formats.length];
        this.isoTimestamp = new boolean[formats.length];
        for (int c = 0; c < formats.length; c++) {
            TextDateFormat f = formats[c];
            isoDate[c] = f == null || f.pattern().equals(CsvTypeDetector.ISO_DATE);
            isoTimestamp[c] = f == null || f.pattern().equals(CsvTypeDetector.ISO_TIMESTAMP);
        }
        this.target = new int[fileColumns];
        java.util.Arrays.fill(target, -1);
        for (int k = 0; k < columns.length; k++) target[columns[k]] = k;
        this.kind = new int[fileColumns];
        this.min = new long[fileColumns];
        this.max = new long[fileColumns];
        for (int i = 0; i < fileColumns; i++) kind[i] = kindOf(i);
        this.repeated = new RepeatedStrings[fileColumns];
        for (int i = 0; i < fileColumns; i++) if (kind[i] == K_VARCHAR) repeated[i] = new RepeatedStrings();
        boolean emptyNull = false;
        List<byte[]> others = new java.util.ArrayList<>();
        for (String n : o.nullStrings) {
            if (n == null) continue;
            if (n.isEmpty()) emptyNull = true;
            else others.add(n.getBytes(StandardCharsets.UTF_8));
        }
        this.emptyIsNullForText = emptyNull;
        this.otherNulls = others.toArray(new byte[0][]);
        this.end = split.end();
        try {
            open(split, det);
        } catch (IOException e) {
            close();
            throw file.error("cannot read", e);
        }
    }

    private int kindOf(int i) {
        LogicalType t = types[i];
        return switch (t.id()) {
            case VARCHAR -> K_VARCHAR;
            case BIGINT -> K_BIGINT;
            case INTEGER, SMALLINT, TINYINT -> {
                min[i] = t.id() == TypeId.INTEGER ? Integer.MIN_VALUE : t.id() == TypeId.SMALLINT ? Short.MIN_VALUE : Byte.MIN_VALUE;
                max[i] = t.id() == TypeId.INTEGER ? Integer.MAX_VALUE : t.id() == TypeId.SMALLINT ? Short.MAX_VALUE : Byte.MAX_VALUE;
                yield K_INT;
            }
            case DOUBLE -> K_DOUBLE;
            case REAL -> K_REAL;
            case BOOLEAN -> K_BOOL;
            case DATE -> K_DATE;
            case TIMESTAMP -> K_TIMESTAMP;
            case DECIMAL -> t.precision() <= LogicalType.MAX_INT64_DECIMAL_PRECISION ? K_DECIMAL : K_CAST;
            default -> K_CAST;
        };
    }

    private void open(FormatScan.Split split, CsvSniffer.Detected det) throws IOException {
        long dataStart = det.dataStart();
        boolean plain = file.compression() == FileInput.Compression.NONE;
        if (split.start() <= dataStart) {
            if (plain) {
                channel = file.channel();
                channel.position(dataStart);
                in = Channels.newInputStream(channel);
            } else {
                in = file.open();
                in.skipNBytes(dataStart);
            }
            tok = new CsvTokenizer(in, det.dialect(), o.strict, o.maxLineSize, dataStart, det.dataLine());
        } else {
            channel = file.channel();
            long size = channel.size();
            long start = CsvRowStart.find(channel, split.start(), size, det.dialect(), fileColumns, !o.strict || o.nullPadding);
            if (start >= split.end() || start >= size) {
                done = true;
                return;
            }
            channel.position(start);
            in = Channels.newInputStream(channel);
            // A small split needs no large buffer (tests cut files into many tiny ones); it grows for long rows.
            int buffer = (int) Math.max(4096, Math.min(1 << 18, split.end() - start + 4096));
            tok = new CsvTokenizer(in, det.dialect(), o.strict, o.maxLineSize, start, -1, buffer);
        }
    }

    @Override
    public boolean next(DataChunk out) {
        if (done) return false;
        current = out;
        int cap = Vector.DEFAULT_CAPACITY;
        for (int k = 0; k < out.columnCount(); k++) cap = Math.min(cap, out.column(k).capacity());
        int n = 0;
        try {
            while (n < cap) {
                if (!tok.next() || tok.rowOffset >= stop()) {
                    done = true;
                    break;
                }
                if (tok.blankRow() && fileColumns > 1) continue;
                if (readRow(out, n)) n++;
            }
        } catch (IOException e) {
            throw file.error("cannot read", e);
        }
        out.setCount(n);
        return n > 0;
    }

    /**
     * Where this split's rows end: the row the next split starts at. It is found the way that split
     * finds it, but only once this split has read up to its end, so rows between the end and that
     * start (a bad row the search stepped over) are read here rather than by no split at all.
     */
    private long stop() throws IOException {
        if (tok.rowOffset < end) return end;
        if (stop < 0) {
            if (channel == null) {
                stop = end;
            } else {
                long size = channel.size();
                stop = end >= size ? size
                        : CsvRowStart.find(channel, end, size, scan.detected.dialect(), fileColumns, !o.strict || o.nullPadding);
            }
        }
        return stop;
    }

    private long stop = -1;

    /** Converts the current row into position {@code n}; false when it was rejected. */
    private boolean readRow(DataChunk out, int n) {
        if (tok.error != CsvTokenizer.OK) return structureError(n);
        int fc = tok.fieldCount;
        if (fc != fileColumns) {
            if (fc < fileColumns && !o.nullPadding) {
                return reject(n, -1, "MISSING_COLUMNS", "expected " + fileColumns + " fields but found " + fc,
                        "null_padding=true reads the missing fields as NULL, or ignore_errors=true skips such rows");
            }
            if (fc > fileColumns && o.strict) {
                return reject(n, -1, "TOO_MANY_COLUMNS", "expected " + fileColumns + " fields but found " + fc,
                        "strict_mode=false drops the extra fields, or ignore_errors=true skips such rows");
            }
        }
        for (int i = 0; i < fileColumns; i++) {
            int k = target[i];
            if (k < 0) continue;
            Vector v = out.column(k);
            if (i >= fc) {
                v.setNull(n);
                continue;
            }
            byte[] b;
            int s, e;
            byte flags = tok.flags[i];
            if ((flags & CsvTokenizer.ESCAPED) != 0) {
                e = tok.unescape(i);
                s = 0;
                b = tok.unescapedBytes();
            } else {
                b = tok.buf;
                s = tok.starts[i];
                e = tok.ends[i];
            }
            boolean nullable = (flags & CsvTokenizer.QUOTED) == 0 || o.allowQuotedNulls;
            if (s == e) {
                if (kind[i] != K_VARCHAR || emptyIsNullForText && nullable) {
                    v.setNull(n);
                    continue;
                }
            } else if (otherNulls.length > 0 && nullable && isNullString(b, s, e)) {
                v.setNull(n);
                continue;
            }
            if (!convert(v, n, i, b, s, e)) return false;
        }
        return true;
    }

    private boolean isNullString(byte[] b, int s, int e) {
        for (byte[] nb : otherNulls) {
            if (nb.length != e - s) continue;
            boolean eq = true;
            for (int j = 0; j < nb.length && eq; j++) eq = nb[j] == b[s + j];
            if (eq) return true;
        }
        return false;
    }

    private boolean convert(Vector v, int n, int i, byte[] b, int s, int e) {
        TextTypes p = parser;
        switch (kind[i]) {
            case K_VARCHAR -> {
                RepeatedStrings seen = repeated[i];
                String str = seen.find(b, s, e);
                if (str == null) {
                    str = text(b, s, e);
                    if (str == null) {
                        return reject(n, i, "INVALID_UNICODE", "invalid UTF-8 in the value",
                                "convert the file to UTF-8, or ignore_errors=true skips such rows");
                    }
                    seen.remember(b, s, e, str);
                }
                v.strings[n] = str;
                return true;
            }
            case K_BIGINT -> {
                long x = p.parseLong(b, s, e);
                if (p.failed) {
                    Object o2 = slow(b, s, e, i);
                    if (o2 == null) return castError(v, n, i, b, s, e);
                    x = (Long) o2;
                }
                v.longs[n] = x;
                return true;
            }
            case K_INT -> {
                long x = p.parseLong(b, s, e);
                if (p.failed || x < min[i] || x > max[i]) {
                    Object o2 = slow(b, s, e, i);
                    if (o2 == null) return castError(v, n, i, b, s, e);
                    x = ((Number) o2).longValue();
                }
                v.ints[n] = (int) x;
                return true;
            }
            case K_DOUBLE, K_REAL -> {
                double x = p.parseDouble(b, s, e, o.decimalSeparator);
                if (p.failed) {
                    Object o2 = o.decimalSeparator == '.' ? slow(b, s, e, i) : null;
                    if (o2 == null) return castError(v, n, i, b, s, e);
                    x = (Double) o2;
                }
                v.doubles[n] = kind[i] == K_REAL ? (float) x : x;
                return true;
            }
            case K_DECIMAL -> {
                long x = p.parseDecimal(b, s, e, types[i].precision(), types[i].scale(), o.decimalSeparator);
                if (p.failed) {
                    Object o2 = slow(b, s, e, i);
                    if (o2 == null) return castError(v, n, i, b, s, e);
                    x = ((Number) o2).longValue();
                }
                v.longs[n] = x;
                return true;
            }
            case K_BOOL -> {
                boolean x = p.parseBool(b, s, e);
                if (p.failed) return castError(v, n, i, b, s, e);
                v.bools[n] = x;
                return true;
            }
            case K_DATE -> {
                long d;
                if (isoDate[i]) {
                    d = p.isoDate(b, s, e);
                    if (d == DateTimes.INVALID) {
                        String str = text(b, s, e);
                        d = str == null ? DateTimes.INVALID : DateTimes.tryParseDate(str);
                    }
                } else {
                    d = formats[i].parseDate(b, s, e);
                }
                if (d == DateTimes.INVALID) return castError(v, n, i, b, s, e);
                v.ints[n] = (int) d;
                return true;
            }
            case K_TIMESTAMP -> {
                long t;
                if (isoTimestamp[i]) {
                    t = p.isoTimestamp(b, s, e, false);
                    if (t == DateTimes.INVALID) {
                        String str = text(b, s, e);
                        t = str == null ? DateTimes.INVALID : DateTimes.tryParseTimestamp(str);
                    }
                } else {
                    t = formats[i].parseTimestamp(b, s, e);
                }
                if (t == DateTimes.INVALID) return castError(v, n, i, b, s, e);
                v.longs[n] = t;
                return true;
            }
            default -> {
                Object x = slow(b, s, e, i);
                if (x == null) return castError(v, n, i, b, s, e);
                if (v.physicalType() == PhysicalType.STRING) v.strings[n] = (String) x;
                else v.setObject(n, x);
                return true;
            }
        }
    }

    /** Field bytes as a String, or null when they are not valid UTF-8. */
    private static String text(byte[] b, int s, int e) {
        for (int j = s; j < e; j++) {
            if (b[j] < 0) {
                if (!TextTypes.validUtf8(b, j, e)) return null;
                return new String(b, s, e - s, StandardCharsets.UTF_8);
            }
        }
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /** The SQL CAST rules, for what the fast parsers do not take. */
    private Object slow(byte[] b, int s, int e, int i) {
        String str = text(b, s, e);
        if (str == null) return null;
        if (o.decimalSeparator != '.' && types[i].isNumeric()) str = str.replace((char) o.decimalSeparator, '.');
        return parser.castText(str, types[i]);
    }

    private boolean castError(Vector v, int n, int i, byte[] b, int s, int e) {
        String value = new String(b, s, e - s, StandardCharsets.UTF_8);
        LogicalType t = types[i];
        String name = names.get(i);
        TextDateFormat f = formats[i];
        String fmt = f != null && !f.pattern().equals(CsvTypeDetector.ISO_DATE) && !f.pattern().equals(CsvTypeDetector.ISO_TIMESTAMP)
                ? " with format '" + f.pattern() + "'" : "";
        String fix = "set types={'" + name.replace("'", "''") + "': 'VARCHAR'} (or another type every value fits)"
                + (t.isTemporal() ? ", set " + (t.id() == TypeId.DATE ? "dateformat" : "timestampformat") + " to the values' format" : "")
                + ", or ignore_errors=true skips such rows";
        return reject(n, i, "CAST", "could not convert \"" + value + "\" to " + t + fmt, fix);
    }

    /** The chunk being filled, whose row position a rejected row must leave clean. */
    private DataChunk current;

    private boolean structureError(int n) {
        return switch (tok.error) {
            case CsvTokenizer.UNTERMINATED_QUOTE -> reject(n, -1, "UNTERMINATED_QUOTE",
                    "a quoted field is not closed before the end of the file",
                    "check the quote and escape options, or ignore_errors=true skips such rows");
            case CsvTokenizer.UNQUOTED_VALUE -> reject(n, -1, "UNQUOTED_VALUE", "a quoted field has text after its closing quote",
                    "check the quote and escape options, strict_mode=false keeps such values as written, or ignore_errors=true skips such rows");
            default -> reject(n, -1, "LINE_SIZE_OVER_MAXIMUM", "the row is longer than max_line_size=" + o.maxLineSize + " bytes",
                    "raise max_line_size, or ignore_errors=true skips such rows");
        };
    }

    /**
     * A bad row: to the rejects when they take it (the read goes on), else the error. Position
     * {@code n} may hold NULL marks from the row's earlier fields; they are cleared so the next
     * row written there starts clean.
     */
    private boolean reject(int n, int column, String type, String what, String fix) {
        long line = tok.rowLine;
        long offset = tok.rowOffset;
        String where = line >= 0 ? "line " + line : "the row at byte offset " + offset;
        String col = column >= 0 ? ", column " + (column + 1) + " (\"" + names.get(column) + "\")" : "";
        String message = "Error reading CSV file " + file.name() + " at " + where + col + ": " + what + ". To read the file, " + fix + ".";
        if (rejects.accepts()) {
            rejects.reject(file, line, offset, column >= 0 ? column + 1 : -1, column >= 0 ? names.get(column) : null, type,
                    tok.rowText(), message);
        } else if (!o.lenient()) {
            throw type.equals("CAST") ? MallardException.Data.conversion(message) : MallardException.Data.invalidText(message);
        }
        for (int k = 0; k < current.columnCount(); k++) current.column(k).setNull(n, false);
        return false;
    }

    @Override
    public void close() {
        try {
            if (in != null) in.close();
            if (channel != null) channel.close();
        } catch (IOException e) {
            // Nothing was written; a failed close of a file read to the end loses nothing.
        }
        in = null;
        channel = null;
    }
}
