package dev.mallard.io.csv;

import dev.mallard.io.TextDateFormat;
import dev.mallard.MallardException;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.Rejects;
import dev.mallard.storage.TableFilter;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One bound CSV file: its dialect, columns and where its data rows begin. Immutable; each
 * thread reads its splits through its own {@link CsvRowReader}.
 */
public final class CsvFileScan implements FormatScan {
    static final long MIN_SPLIT = 8L << 20;
    static final long MAX_SPLIT = 32L << 20;

    private final FileInput file;
    final CsvOptions options;
    final CsvSniffer.Detected detected;

    CsvFileScan(FileInput file, CsvOptions options, CsvSniffer.Detected detected) {
        this.file = file;
        this.options = options;
        this.detected = detected;
    }

    @Override
    public FileInput file() {
        return file;
    }

    @Override
    public List<String> names() {
        return detected.names();
    }

    @Override
    public List<LogicalType> types() {
        return detected.types();
    }

    public CsvDialect dialect() {
        return detected.dialect();
    }

    /** The format DATE or TIMESTAMP column {@code i} is read with; null for ISO (or another type). */
    public String format(int i) {
        TextDateFormat f = detected.formats()[i];
        return f == null ? null : f.pattern();
    }

    /** ignore_errors=true: bad rows are skipped (kept in the rejects passed to {@link #open} when it accepts them). */
    public boolean ignoreErrors() {
        return options.ignoreErrors;
    }

    /** store_rejects=true (or rejects_table / rejects_scan given): the caller should pass a {@link Rejects} that keeps rows. */
    public boolean storeRejects() {
        return options.storeRejects;
    }

    @Override
    public long estimatedRows() {
        return detected.estimatedRows();
    }

    @Override
    public List<Split> splits(int threads, List<TableFilter> filters) {
        if (file.compression() != FileInput.Compression.NONE) return List.of(new Split(0, detected.dataStart(), Long.MAX_VALUE));
        long data = file.size() - detected.dataStart();
        long per = data >= MIN_SPLIT * Math.max(1, threads) ? Math.min(MAX_SPLIT, ceil(data, Math.max(1, threads))) : MIN_SPLIT;
        return splitsOfSize(per);
    }

    /** The data cut into pieces of about {@code bytes} each (plain files; one piece otherwise). Tests use small pieces. */
    public List<Split> splitsOfSize(long bytes) {
        long start = detected.dataStart();
        if (file.compression() != FileInput.Compression.NONE) return List.of(new Split(0, start, Long.MAX_VALUE));
        long size = file.size();
        List<Split> out = new ArrayList<>();
        if (size <= start) return List.of(new Split(0, start, Math.max(size, start)));
        long per = Math.max(1, bytes);
        for (long s = start; s < size; s += per) out.add(new Split(out.size(), s, Math.min(size, s + per)));
        return out;
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    @Override
    public RowReader open(Split split, int[] columns, List<TableFilter> filters, Rejects rejects) {
        return new CsvRowReader(this, split, columns, rejects == null ? Rejects.NONE : rejects);
    }

    /** What sniff_csv shows for this file. */
    public CsvSniffResult sniffResult() {
        CsvDialect d = detected.dialect();
        String dateFormat = null, timestampFormat = null;
        for (int i = 0; i < types().size(); i++) {
            TextDateFormat f = detected.formats()[i];
            if (f == null) continue;
            if (types().get(i).id() == TypeId.DATE && dateFormat == null) dateFormat = f.pattern();
            if (types().get(i).id() == TypeId.TIMESTAMP && timestampFormat == null) timestampFormat = f.pattern();
        }
        StringBuilder p = new StringBuilder("FROM read_csv(").append(quoteSql(file.name())).append(", auto_detect=false");
        p.append(", delim=").append(quoteSql(CsvDialect.show(d.delimiter())));
        p.append(", quote=").append(quoteSql(CsvDialect.show(d.quote())));
        p.append(", escape=").append(quoteSql(CsvDialect.show(d.escape())));
        p.append(", new_line=").append(quoteSql(CsvDialect.showNewLine(d.newLine())));
        p.append(", skip=").append(d.skipRows());
        p.append(", header=").append(d.header());
        p.append(", columns={");
        for (int i = 0; i < names().size(); i++) {
            if (i > 0) p.append(", ");
            p.append(quoteSql(names().get(i))).append(": ").append(quoteSql(types().get(i).toString()));
        }
        p.append('}');
        if (dateFormat != null && !dateFormat.equals(CsvTypeDetector.ISO_DATE)) p.append(", dateformat=").append(quoteSql(dateFormat));
        if (timestampFormat != null && !timestampFormat.equals(CsvTypeDetector.ISO_TIMESTAMP)) {
            p.append(", timestampformat=").append(quoteSql(timestampFormat));
        }
        if (options.decimalSeparator != '.') p.append(", decimal_separator=','");
        p.append(");");
        return new CsvSniffResult(d.delimiter() == 0 ? "" : String.valueOf((char) d.delimiter()),
                d.quote() == 0 ? "" : String.valueOf((char) d.quote()), d.escape() == 0 ? "" : String.valueOf((char) d.escape()),
                d.newLine(), d.skipRows(), d.header(), names(), types(), dateFormat, timestampFormat, p.toString());
    }

    private static String quoteSql(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * Binds a later file of a multi-file scan with the first file's dialect and columns: only
     * where its data starts is read here, and its header must name the same columns.
     */
    static CsvFileScan follow(FileInput file, CsvOptions options, CsvFileScan like) {
        CsvSniffer.Detected first = like.detected;
        CsvDialect d = first.dialect();
        try (InputStream in = file.open()) {
            CsvTokenizer t = new CsvTokenizer(in, d, options.strict, options.maxLineSize, 0, 1);
            if (t.startsWith(CsvSniffer.BOM)) t.skipBytes(3);
            for (int i = 0; i < d.skipRows() && t.next(); i++) { }
            long start = t.offset(), line = t.nextLine();
            if (d.header()) {
                boolean any;
                do {
                    any = t.next();
                } while (any && t.blankRow() && first.fileColumns() > 1);
                if (any) {
                    List<String> header = new ArrayList<>();
                    for (int i = 0; i < t.fieldCount; i++) {
                        if ((t.flags[i] & CsvTokenizer.ESCAPED) != 0) {
                            int n = t.unescape(i);
                            header.add(TextTypes.string(t.unescapedBytes(), 0, n).trim());
                        } else {
                            header.add(TextTypes.string(t.buf, t.starts[i], t.ends[i]).trim());
                        }
                    }
                    if (!header.equals(first.headerNames())) {
                        throw MallardException.Data.invalidText("CSV file " + file.name() + " has the columns (" + String.join(", ", header)
                                + ") but " + like.file().name() + ", the first file of this scan, has (" + String.join(", ", first.headerNames())
                                + "). Fix: read the files separately, or use union_by_name=true to match columns by name");
                    }
                    start = t.offset();
                    line = t.nextLine();
                }
            }
            if (!d.header() && options.strict && !options.nullPadding) {
                // No names to compare: the width of the first row says whether the file fits at all.
                boolean any;
                do {
                    any = t.next();
                } while (any && t.blankRow() && first.fileColumns() > 1);
                if (any && t.error == CsvTokenizer.OK && t.fieldCount != first.fileColumns()) {
                    throw MallardException.Data.invalidText("CSV file " + file.name() + " has " + t.fieldCount + " columns but "
                            + like.file().name() + ", the first file of this scan, has " + first.fileColumns()
                            + ". Fix: read the files separately, or use union_by_name=true to match columns by name");
                }
            }
            long size = file.size();
            long est = first.estimatedRows() <= 0 || like.file().size() <= 0 ? -1
                    : (long) ((double) first.estimatedRows() * size / like.file().size());
            CsvSniffer.Detected mine = new CsvSniffer.Detected(d, first.names(), first.types(), first.formats(), first.headerNames(),
                    first.fileColumns(), start, line, est);
            return new CsvFileScan(file, options, mine);
        } catch (IOException e) {
            throw file.error("cannot read", e);
        }
    }
}
