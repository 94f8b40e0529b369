package dev.mallard.io.csv;

import dev.mallard.io.TextDateFormat;
import dev.mallard.io.FileInput;
import dev.mallard.planner.NameSuggestions;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Works out how to read a CSV file: the dialect from the first megabyte (the candidate that cuts
 * the most rows into the same number of fields wins), then header and column types from a sample
 * of rows at the start and, for plain files, at several points through the file — a column that
 * only turns out to be text halfway down would otherwise fail the read there.
 */
final class CsvSniffer {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int HEAD_BYTES = 1 << 20;
    private static final int DIALECT_ROWS = 500;
    private static final int MAX_DETECTED_SKIP = 30;
    private static final byte[] DELIMITERS = {',', '|', ';', '\t'};
    private static final byte[] QUOTES = {'"', '\'', 0};
    private static final int SPREAD_POINTS = 4;

    /** Everything a scan needs to read the file, as detected and overridden by options. */
    record Detected(CsvDialect dialect, List<String> names, List<LogicalType> types, TextDateFormat[] formats,
                    List<String> headerNames, int fileColumns, long dataStart, long dataLine, long estimatedRows) {}

    private CsvSniffer() {}

    static Detected detect(FileInput file, CsvOptions o) {
        try {
            return detectOrThrow(file, o);
        } catch (IOException e) {
            throw file.error("cannot read", e);
        }
    }

    private static Detected detectOrThrow(FileInput file, CsvOptions o) throws IOException {
        byte[] head = file.head(HEAD_BYTES);
        int bom = startsWith(head, BOM) ? 3 : 0;
        boolean headComplete = head.length < HEAD_BYTES;
        CsvDialect dialect = o.autoDetect ? dialect(head, bom, headComplete, o) : givenDialect(o);
        if (o.newLine != null) dialect = new CsvDialect(dialect.delimiter(), dialect.quote(), dialect.escape(), o.newLine,
                dialect.skipRows(), dialect.header());
        else dialect = new CsvDialect(dialect.delimiter(), dialect.quote(), dialect.escape(), newLine(head, bom),
                dialect.skipRows(), dialect.header());

        TextTypes parser = new TextTypes();
        List<CsvTypeDetector> detectors = new ArrayList<>();
        List<byte[]> firstRow = new ArrayList<>();
        List<Boolean> firstRowNull = new ArrayList<>();
        long start0, line0, start1, line1;
        long sampledRows = 0, sampledBytes = 0;
        int columns;
        boolean reachedEnd;
        try (InputStream in = file.open()) {
            CsvTokenizer t = new CsvTokenizer(in, dialect, o.strict, o.maxLineSize, 0, 1);
            if (t.startsWith(BOM)) t.skipBytes(3);
            for (int i = 0; i < dialect.skipRows() && t.next(); i++) { }
            start0 = t.offset();
            line0 = t.nextLine();
            boolean any = nextContentRow(t, -1);
            if (!any) {
                // An empty file (or only skipped lines): one VARCHAR column, like DuckDB's empty-file result.
                columns = o.columns != null ? o.columns.size() : Math.max(1, o.names == null ? 1 : o.names.size());
                start1 = start0;
                line1 = line0;
                reachedEnd = true;
            } else {
                columns = o.columns != null ? o.columns.size() : t.fieldCount;
                for (int i = 0; i < t.fieldCount; i++) {
                    firstRow.add(fieldBytes(t, i));
                    firstRowNull.add(isNull(t, i, o));
                }
                start1 = t.offset();
                line1 = t.nextLine();
                for (int i = 0; i < columns; i++) detectors.add(new CsvTypeDetector(o.dateFormat, o.timestampFormat, o.decimalSeparator));
                long limit = o.sampleSize < 0 ? Long.MAX_VALUE : o.sampleSize;
                long rows = 0;
                while (rows < limit && nextContentRow(t, columns)) {
                    if (t.fieldCount == columns && t.error == CsvTokenizer.OK) {
                        feed(t, detectors, parser, o);
                        rows++;
                        sampledBytes += t.rowEnd - t.rowStart;
                    }
                }
                sampledRows = rows;
                reachedEnd = rows < limit;
                if (!reachedEnd && file.compression() == FileInput.Compression.NONE) {
                    long[] spread = spreadSample(file, dialect, columns, detectors, parser, o, t.offset(), limit);
                    sampledRows += spread[0];
                    sampledBytes += spread[1];
                }
            }
        }

        boolean header;
        if (o.header != null) {
            header = o.header;
        } else if (!o.autoDetect || firstRow.isEmpty()) {
            header = false;
        } else {
            header = looksLikeHeader(firstRow, firstRowNull, detectors, parser, columns);
        }
        if (!header && !firstRow.isEmpty()) {
            // The first row is data after all: its values count for the types too.
            for (int i = 0; i < Math.min(columns, firstRow.size()); i++) {
                if (firstRowNull.get(i)) continue;
                byte[] v = firstRow.get(i);
                detectors.get(i).add(v, 0, v.length, parser);
            }
            sampledRows++;
        }
        dialect = dialect.withHeader(header);

        List<String> headerNames = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            String n = header && i < firstRow.size() ? TextTypes.string(firstRow.get(i), 0, firstRow.get(i).length).trim() : "";
            headerNames.add(n);
        }
        List<String> names = names(headerNames, header, o);
        List<LogicalType> types = new ArrayList<>();
        TextDateFormat[] formats = new TextDateFormat[columns];
        for (int i = 0; i < columns; i++) {
            CsvTypeDetector d = i < detectors.size() ? detectors.get(i) : null;
            LogicalType type = o.allVarchar || d == null || !o.autoDetect ? LogicalType.VARCHAR : d.type();
            if (type.id() == TypeId.DATE) formats[i] = d.dateFormat();
            if (type.id() == TypeId.TIMESTAMP) formats[i] = d.timestampFormat();
            types.add(type);
        }
        applyTypeOptions(names, types, formats, o);

        long dataStart = header ? start1 : start0;
        long dataLine = header ? line1 : line0;
        long estimated;
        if (reachedEnd) {
            estimated = sampledRows;
        } else {
            double avg = sampledRows == 0 ? 100 : (double) sampledBytes / sampledRows;
            long bytes = file.compression() == FileInput.Compression.NONE ? file.size() - dataStart : file.size() * 5;
            estimated = Math.max(sampledRows, (long) (bytes / Math.max(avg, 1)));
        }
        return new Detected(dialect, names, types, formats, headerNames, columns, dataStart, dataLine, estimated);
    }

    /** Next row that is not a blank line; blank lines carry no data when a row has several fields. */
    private static boolean nextContentRow(CsvTokenizer t, int columns) throws IOException {
        while (t.next()) {
            if (!t.blankRow() || columns == 1) return true;
        }
        return false;
    }

    private static byte[] fieldBytes(CsvTokenizer t, int i) {
        if ((t.flags[i] & CsvTokenizer.ESCAPED) != 0) {
            int n = t.unescape(i);
            return Arrays.copyOf(t.unescapedBytes(), n);
        }
        return Arrays.copyOfRange(t.buf, t.starts[i], t.ends[i]);
    }

    private static boolean isNull(CsvTokenizer t, int i, CsvOptions o) {
        int s = t.starts[i], e = t.ends[i];
        if ((t.flags[i] & CsvTokenizer.QUOTED) != 0 && !o.allowQuotedNulls) return false;
        if (e == s) return true;
        for (String n : o.nullStrings) {
            if (n != null && n.length() == e - s && TextTypes.string(t.buf, s, e).equals(n)) return true;
        }
        return false;
    }

    private static void feed(CsvTokenizer t, List<CsvTypeDetector> detectors, TextTypes parser, CsvOptions o) {
        for (int i = 0; i < detectors.size(); i++) {
            if (isNull(t, i, o)) continue;
            if ((t.flags[i] & CsvTokenizer.ESCAPED) != 0) {
                int n = t.unescape(i);
                detectors.get(i).add(t.unescapedBytes(), 0, n, parser);
            } else {
                detectors.get(i).add(t.buf, t.starts[i], t.ends[i], parser);
            }
        }
    }

    /** Rows from points spread through a plain file past the head sample; returns {rows, bytes} sampled. */
    private static long[] spreadSample(FileInput file, CsvDialect dialect, int columns, List<CsvTypeDetector> detectors,
                                       TextTypes parser, CsvOptions o, long headEnd, long limit) throws IOException {
        long rows = 0, bytes = 0;
        try (FileChannel ch = file.channel()) {
            long size = ch.size();
            if (size <= headEnd) return new long[] {0, 0};
            long perPoint = Math.max(100, limit / 4);
            for (int k = 1; k <= SPREAD_POINTS; k++) {
                long from = headEnd + (size - headEnd) * k / (SPREAD_POINTS + 1);
                long start = CsvRowStart.find(ch, from, size, dialect, columns, !o.strict || o.nullPadding);
                if (start >= size) continue;
                ch.position(start);
                CsvTokenizer t = new CsvTokenizer(Channels.newInputStream(ch), dialect, o.strict, o.maxLineSize, start, -1);
                long n = 0;
                while (n < perPoint && nextContentRow(t, columns)) {
                    if (t.fieldCount == columns && t.error == CsvTokenizer.OK) {
                        feed(t, detectors, parser, o);
                        bytes += t.rowEnd - t.rowStart;
                        n++;
                    }
                }
                rows += n;
            }
        }
        return new long[] {rows, bytes};
    }

    /**
     * DuckDB's rule: the first row is a header when some column has a type other than VARCHAR that
     * its first-row value does not fit, and that value is text (not a wider number or a date). When every column is text, a first row of distinct,
     * non-empty values is taken as names — what files without numbers mostly start with.
     */
    private static boolean looksLikeHeader(List<byte[]> first, List<Boolean> firstNull, List<CsvTypeDetector> detectors,
                                           TextTypes parser, int columns) {
        if (first.size() != columns) return false;
        boolean allText = true;
        for (int i = 0; i < columns; i++) {
            CsvTypeDetector d = detectors.get(i);
            if (d.type().id() == TypeId.VARCHAR) continue;
            allText = false;
            if (firstNull.get(i)) continue;
            byte[] v = first.get(i);
            if (d.fits(v, 0, v.length, parser)) continue;
            // A value of another type (2.5 over integers) is data that widens the column, not a name.
            CsvTypeDetector alone = new CsvTypeDetector(null, null, (byte) '.');
            alone.add(v, 0, v.length, parser);
            LogicalType own = alone.type(), column = d.type();
            boolean widens = own.isNumeric() && column.isNumeric() || own.isTemporal() && column.isTemporal();
            if (!widens) return true;
        }
        if (!allText) return false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns; i++) {
            if (firstNull.get(i)) return false;
            byte[] v = first.get(i);
            if (!seen.add(TextTypes.string(v, 0, v.length).trim())) return false;
        }
        return true;
    }

    /** Column names: the header's (trimmed; empty ones numbered), then names=, columns=, deduplicated and normalized. */
    static List<String> names(List<String> headerNames, boolean header, CsvOptions o) {
        int columns = headerNames.size();
        List<String> names = new ArrayList<>();
        // DuckDB pads generated names to one width (column00 .. column11) so that they sort in order.
        int width = Integer.toString(Math.max(0, columns - 1)).length();
        for (int i = 0; i < columns; i++) {
            String n = header ? headerNames.get(i) : "";
            String number = Integer.toString(i);
            names.add(n.isEmpty() ? "column" + "0".repeat(width - number.length()) + number : n);
        }
        if (o.columns != null) {
            names = new ArrayList<>(o.columns.keySet());
        } else if (o.names != null) {
            if (o.names.size() > columns) {
                throw CsvOptions.bad("names has " + o.names.size() + " names but the file has " + columns + " columns");
            }
            for (int i = 0; i < o.names.size(); i++) names.set(i, o.names.get(i));
        }
        if (o.normalizeNames) {
            names.replaceAll(CsvSniffer::normalize);
        }
        return dedupe(names);
    }

    static String normalize(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.trim().toLowerCase(Locale.ROOT).toCharArray()) sb.append(Character.isLetterOrDigit(c) ? c : '_');
        String s = sb.toString();
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) s = "_" + s;
        return s;
    }

    /** a, a, a → a, a_1, a_2 (skipping suffixes another column already has). */
    static List<String> dedupe(List<String> names) {
        Set<String> taken = new HashSet<>();
        for (String n : names) taken.add(n.toLowerCase(Locale.ROOT));
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String candidate = n;
            if (used.contains(candidate.toLowerCase(Locale.ROOT))) {
                int k = 1;
                while (taken.contains((n + "_" + k).toLowerCase(Locale.ROOT)) || used.contains((n + "_" + k).toLowerCase(Locale.ROOT))) k++;
                candidate = n + "_" + k;
            }
            used.add(candidate.toLowerCase(Locale.ROOT));
            out.add(candidate);
        }
        return out;
    }

    private static void applyTypeOptions(List<String> names, List<LogicalType> types, TextDateFormat[] formats, CsvOptions o) {
        if (o.columns != null) {
            int i = 0;
            for (LogicalType t : o.columns.values()) set(types, formats, i++, t, o);
            return;
        }
        if (o.typesByPosition != null) {
            if (o.typesByPosition.size() > types.size()) {
                throw CsvOptions.bad("types has " + o.typesByPosition.size() + " types but the file has " + types.size() + " columns");
            }
            for (int i = 0; i < o.typesByPosition.size(); i++) set(types, formats, i, o.typesByPosition.get(i), o);
        }
        if (o.typesByName != null) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) index.put(names.get(i), i);
            for (var e : o.typesByName.entrySet()) {
                Integer i = index.get(e.getKey());
                if (i == null) {
                    throw CsvOptions.bad("types names column \"" + e.getKey() + "\", which the file does not have"
                            + NameSuggestions.hint(e.getKey(), names) + " (columns: " + String.join(", ", names) + ")");
                }
                set(types, formats, i, e.getValue(), o);
            }
        }
    }

    private static void set(List<LogicalType> types, TextDateFormat[] formats, int i, LogicalType t, CsvOptions o) {
        if (!t.equals(types.get(i))) {
            formats[i] = t.id() == TypeId.DATE ? o.dateFormat : t.id() == TypeId.TIMESTAMP ? o.timestampFormat : null;
        }
        types.set(i, t);
    }

    private static CsvDialect givenDialect(CsvOptions o) {
        byte q = o.quote != null ? o.quote : (byte) '"';
        byte e = o.escape != null ? o.escape : q;
        return new CsvDialect(o.delimiter != null ? o.delimiter : (byte) ',', q, e, "\n", o.skip != null ? o.skip : 0,
                o.header != null && o.header);
    }

    /** One candidate's fit: rows cut consistently after skipping {@code skip} rows, into {@code columns} fields. */
    private record Fit(CsvDialect dialect, int run, int columns, int skip) {
        boolean betterThan(Fit other) {
            if (other == null) return true;
            boolean multi = columns > 1, otherMulti = other.columns > 1;
            if (multi != otherMulti) return multi;
            if (run != other.run) return run > other.run;
            return columns > other.columns;
        }
    }

    private static CsvDialect dialect(byte[] head, int bom, boolean headComplete, CsvOptions o) throws IOException {
        byte[] delims = o.delimiter != null ? new byte[] {o.delimiter} : DELIMITERS;
        byte[] quotes = o.quote != null ? new byte[] {o.quote} : QUOTES;
        Fit best = null;
        for (byte q : quotes) {
            byte[] escapes = o.escape != null ? new byte[] {o.escape} : q == 0 ? new byte[] {0} : new byte[] {q, '\\'};
            for (byte e : escapes) {
                for (byte d : delims) {
                    if (d == q) continue;
                    Fit f = fit(head, bom, headComplete, new CsvDialect(d, q, e, "\n", 0, false), o);
                    if (f != null && f.betterThan(best)) best = f;
                }
            }
        }
        if (best == null) {
            // Nothing to judge by: an empty file, or a first row longer than the head sample. The given
            // options or the conventional dialect then; a wrong guess fails the read with a clear row error.
            CsvDialect g = givenDialect(o);
            return g.withSkip(o.skip != null ? o.skip : 0);
        }
        CsvDialect d = best.dialect;
        if (best.columns == 1 && o.delimiter == null) {
            // No delimiter splits anything: a one-column file, read with the conventional comma.
            d = new CsvDialect((byte) ',', d.quote(), d.escape(), d.newLine(), 0, false);
        }
        return d.withSkip(o.skip != null ? o.skip : best.skip);
    }

    private static Fit fit(byte[] head, int bom, boolean headComplete, CsvDialect d, CsvOptions o) throws IOException {
        CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream(head, bom, head.length - bom), d, true, Integer.MAX_VALUE / 4, 0, 1);
        List<Integer> counts = new ArrayList<>();
        int total = head.length - bom;
        while (counts.size() < DIALECT_ROWS && t.next()) {
            boolean cut = !headComplete && t.rowEnd >= total;
            if (cut) break;
            if (t.blankRow()) {
                counts.add(0);
                continue;
            }
            counts.add(t.error != CsvTokenizer.OK ? -1 : t.fieldCount);
        }
        if (counts.isEmpty()) return null;
        // The width most rows have (several columns first) is the file's; leading rows of another width
        // are junk to skip. Later rows of another width are bad rows, which do not move the start.
        int from = o.skip != null ? o.skip : 0;
        Map<Integer, Integer> freq = new LinkedHashMap<>();
        for (int i = from; i < counts.size(); i++) {
            int c = counts.get(i);
            if (c > 0) freq.merge(c, 1, Integer::sum);
        }
        int bestRun = -1, bestCols = 0;
        for (var e : freq.entrySet()) {
            int c = e.getKey(), run = e.getValue();
            boolean better = bestRun < 0 || (c > 1) != (bestCols > 1) ? bestRun < 0 || c > 1
                    : run != bestRun ? run > bestRun : c > bestCols;
            if (better) {
                bestRun = run;
                bestCols = c;
            }
        }
        int bestSkip = from;
        if (o.skip == null) {
            while (bestSkip < counts.size() && counts.get(bestSkip) != bestCols) bestSkip++;
            if (bestSkip > MAX_DETECTED_SKIP) bestSkip = 0;
        }
        if (o.nullPadding && bestRun > 0) {
            // Ragged files: short rows fit too once padded.
            for (var e : freq.entrySet()) if (e.getKey() < bestCols) bestRun += e.getValue();
        }
        if (bestRun <= 0) return null;
        return new Fit(d.withSkip(bestSkip), bestRun, bestCols, bestSkip);
    }

    private static String newLine(byte[] head, int from) {
        for (int i = from; i < head.length; i++) {
            if (head[i] == '\n') return "\n";
            if (head[i] == '\r') return i + 1 < head.length && head[i + 1] == '\n' ? "\r\n" : "\r";
        }
        return "\n";
    }

    static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }
}
