package dev.mallard.io.csv;

import dev.mallard.MallardException;
import dev.mallard.io.FormatWriter;
import dev.mallard.io.OutputFile;
import dev.mallard.io.ReadOptions;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV (RFC 4180): a header line unless {@code header = false}, fields quoted only when
 * they hold the delimiter, the quote, a line break, or would otherwise read back as NULL (the
 * empty string), NULL as {@code nullstr} (empty by default); dates and timestamps in ISO 8601.
 */
public final class CsvWriter implements FormatWriter {
    static final List<String> OPTIONS = List.of("format", "header", "delimiter", "delim", "sep", "quote", "escape", "nullstr", "null",
            "compression", "force_quote", "new_line");

    private final OutputFile file;
    private final OutputStream out;
    private final List<LogicalType> types;
    private final String delimiter;
    private final char quote;
    private final char escape;
    private final String nullText;
    private final String newLine;
    private final boolean[] forceQuote;
    private final StringBuilder line = new StringBuilder();

    private CsvWriter(OutputFile file, List<String> names, List<LogicalType> types, ReadOptions options) {
        options.rejectUnknown(OPTIONS, "COPY ... (FORMAT csv)");
        this.file = file;
        this.types = types;
        this.delimiter = options.string("delimiter", options.string("delim", options.string("sep", ",")));
        String q = options.string("quote", "\"");
        String e = options.string("escape", q);
        if (delimiter.isEmpty()) throw MallardException.Data.invalidArgument("the CSV delimiter must not be empty");
        if (q.length() != 1 || e.length() != 1) throw MallardException.Data.invalidArgument("quote and escape must be one character each");
        this.quote = q.charAt(0);
        this.escape = e.charAt(0);
        this.nullText = options.string("nullstr", options.string("null", ""));
        this.newLine = switch (options.string("new_line", "\\n")) {
            case "\\r\\n", "\r\n", "crlf" -> "\r\n";
            default -> "\n";
        };
        this.forceQuote = new boolean[names.size()];
        for (String f : options.strings("force_quote")) {
            for (int c = 0; c < names.size(); c++) if (names.get(c).equalsIgnoreCase(f) || f.equals("*")) forceQuote[c] = true;
        }
        this.out = file.open();
        if (options.bool("header", true)) {
            for (int c = 0; c < names.size(); c++) {
                if (c > 0) line.append(delimiter);
                field(names.get(c), true, false);
            }
            flushLine();
        }
    }

    public static FormatWriter create(OutputFile file, List<String> names, List<LogicalType> types, ReadOptions options) {
        return new CsvWriter(file, names, types, options);
    }

    @Override
    public void write(DataChunk chunk) {
        int columns = types.size();
        for (int k = 0; k < chunk.count(); k++) {
            int row = chunk.position(k);
            for (int c = 0; c < columns; c++) {
                if (c > 0) line.append(delimiter);
                Vector v = chunk.column(c);
                if (v.isNull(row)) {
                    line.append(nullText);
                } else {
                    TypeId id = types.get(c).id();
                    String text = Values.toText(types.get(c), v.getObject(row));
                    boolean textual = id == TypeId.VARCHAR;
                    field(text, textual, forceQuote[c]);
                }
            }
            flushLine();
        }
    }

    /** Appends one field, quoted when reading it back would otherwise change it. */
    private void field(String text, boolean textual, boolean force) {
        boolean needs = force || textual && (text.isEmpty() || text.equals(nullText)) || text.contains(delimiter)
                || text.indexOf(quote) >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        if (!needs) {
            line.append(text);
            return;
        }
        line.append(quote);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == quote || ch == escape && escape != quote) line.append(escape);
            line.append(ch);
        }
        line.append(quote);
    }

    private void flushLine() {
        line.append(newLine);
        try {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw file.error(e);
        }
        line.setLength(0);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw file.error(e);
        }
    }
}
