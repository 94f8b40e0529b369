package dev.mallard.cli;

/**
 * Settings that change how results print.
 *
 * @param headers print a header line (csv, tabs, list)
 * @param nullValue text for NULL; null means the mode's default
 * @param maxRows box and table modes show at most this many rows (the first and last ones); 0: all
 */
public record FormatOptions(boolean headers, String nullValue, int maxRows) {
    public static final int DEFAULT_MAX_ROWS = 40;
    public static final FormatOptions DEFAULTS = new FormatOptions(true, null, DEFAULT_MAX_ROWS);

    String nullText(OutputMode mode) {
        return nullValue != null ? nullValue : mode.defaultNullText();
    }
}
