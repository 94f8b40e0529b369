package dev.mallard.io.csv;

import dev.mallard.MallardException;
import dev.mallard.io.FileFormat;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;

/**
 * CSV files (read_csv, {@code FROM 'file.csv'}): binding sniffs the dialect, header and column
 * types unless options give them; the scan then reads rows in parallel byte ranges of plain
 * files, or as one stream for gzip and zip input.
 *
 * <p>Use: {@code bind(file, options, null)} for the first file of a scan and
 * {@code bind(next, options, firstScan)} for the others (same dialect and columns; a header that
 * differs fails). On the returned scan, {@code splits(threads, filters)} gives the pieces and
 * {@code open(split, columns, filters, rejects)} a reader per piece and thread. With
 * {@link CsvFileScan#storeRejects()} pass a {@link dev.mallard.io.Rejects} that accepts rows;
 * with ignore_errors and {@link dev.mallard.io.Rejects#NONE} bad rows are skipped unrecorded.
 * {@link #sniff} is sniff_csv.
 */
public final class CsvFormat implements FileFormat {
    public static final CsvFormat INSTANCE = new CsvFormat();

    @Override
    public String name() {
        return "csv";
    }

    /** The option names read_csv takes (for the integrator's own checks and suggestions). */
    public static java.util.List<String> optionNames() {
        return CsvOptions.KNOWN;
    }

    @Override
    public FormatScan bind(FileInput file, ReadOptions options, FormatScan like) {
        CsvOptions o = CsvOptions.parse(options);
        if (like != null) {
            if (!(like instanceof CsvFileScan first)) {
                throw new MallardException.Internal("a CSV file cannot follow a scan of another format");
            }
            return CsvFileScan.follow(file, o, first);
        }
        return new CsvFileScan(file, o, CsvSniffer.detect(file, o));
    }

    /** What sniff_csv('file', options...) shows. */
    public static CsvSniffResult sniff(FileInput file, ReadOptions options) {
        CsvOptions o = CsvOptions.parse(options);
        return new CsvFileScan(file, o, CsvSniffer.detect(file, o)).sniffResult();
    }
}
