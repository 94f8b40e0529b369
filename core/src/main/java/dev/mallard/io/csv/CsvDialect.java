package dev.mallard.io.csv;

/**
 * How a CSV file is cut into rows and fields. Bytes, not chars: the tokenizer works on the raw
 * UTF-8 bytes, and every supported delimiter, quote and escape is ASCII.
 *
 * @param delimiter byte between fields
 * @param quote     byte around quoted fields, or 0 when fields are never quoted
 * @param escape    byte that escapes a quote inside a quoted field (the quote itself when quotes
 *                  are doubled), or 0
 * @param newLine   "\n", "\r\n" or "\r" as detected or given; the tokenizer accepts all three
 *                  anyway, since files mixing them are common
 * @param skipRows  lines skipped before the header (or the first data row)
 * @param header    whether the first row after the skipped ones names the columns
 */
public record CsvDialect(byte delimiter, byte quote, byte escape, String newLine, int skipRows, boolean header) {
    public static final CsvDialect DEFAULT = new CsvDialect((byte) ',', (byte) '"', (byte) '"', "\n", 0, false);

    public CsvDialect withHeader(boolean h) {
        return new CsvDialect(delimiter, quote, escape, newLine, skipRows, h);
    }

    public CsvDialect withSkip(int s) {
        return new CsvDialect(delimiter, quote, escape, newLine, s, header);
    }

    /** A byte as the option value users would write: "" for none, "\t" spelled out. */
    static String show(byte b) {
        if (b == 0) return "";
        if (b == '\t') return "\\t";
        return String.valueOf((char) b);
    }

    static String showNewLine(String nl) {
        return switch (nl) {
            case "\r\n" -> "\\r\\n";
            case "\r" -> "\\r";
            default -> "\\n";
        };
    }
}
