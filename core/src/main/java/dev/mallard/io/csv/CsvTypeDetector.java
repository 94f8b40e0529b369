package dev.mallard.io.csv;

import dev.mallard.io.TextDateFormat;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Narrows one column's type over sampled values: each value removes the candidate types
 * (BOOLEAN → BIGINT → DOUBLE → DATE → TIMESTAMP) it does not parse as, and the column gets the
 * first that survives, VARCHAR when none does or no value was seen. Date and timestamp formats
 * narrow the same way, which is how {@code 01/02/2020} stays ambiguous until a {@code 13/02/2020}
 * shows the day comes first.
 */
final class CsvTypeDetector {
    /** Date formats tried, in order of preference when several fit every value (ISO first, then US order like DuckDB). */
    static final List<String> DATE_FORMATS = List.of("%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y", "%m.%d.%Y",
            "%m-%d-%Y", "%d-%m-%Y", "%m/%d/%y", "%d/%m/%y", "%d.%m.%y", "%Y.%m.%d");
    static final String ISO_DATE = "%Y-%m-%d";
    static final String ISO_TIMESTAMP = "%Y-%m-%d %H:%M:%S";

    private static final int BOOL = 1, BIGINT = 2, DOUBLE = 4, DATE = 8, TIMESTAMP = 16;

    private int candidates = BOOL | BIGINT | DOUBLE | DATE | TIMESTAMP;
    private final List<TextDateFormat> dateFormats = new ArrayList<>();
    private final List<TextDateFormat> timestampFormats = new ArrayList<>();
    private final byte decimalSeparator;
    long values;

    CsvTypeDetector(TextDateFormat dateFormat, TextDateFormat timestampFormat, byte decimalSeparator) {
        this.decimalSeparator = decimalSeparator;
        if (dateFormat != null) {
            dateFormats.add(dateFormat);
        } else {
            for (String f : DATE_FORMATS) dateFormats.add(TextDateFormat.of(f));
        }
        if (timestampFormat != null) {
            timestampFormats.add(timestampFormat);
        } else {
            // ISO first, parsed by the fast path; then each date order with a time of day.
            timestampFormats.add(TextDateFormat.of(ISO_TIMESTAMP));
            for (String f : DATE_FORMATS) {
                if (f.equals(ISO_DATE)) continue;
                timestampFormats.add(TextDateFormat.of(f + " %H:%M:%S"));
                timestampFormats.add(TextDateFormat.of(f + " %H:%M"));
                timestampFormats.add(TextDateFormat.of(f + " %I:%M:%S %p"));
            }
        }
    }

    void add(byte[] b, int s, int e, TextTypes p) {
        values++;
        if ((candidates & BOOL) != 0) {
            p.parseBoolStrict(b, s, e);
            if (p.failed) candidates &= ~BOOL;
        }
        if ((candidates & BIGINT) != 0) {
            p.parseLong(b, s, e);
            if (p.failed) candidates &= ~BIGINT;
        }
        if ((candidates & DOUBLE) != 0) {
            p.parseDouble(b, s, e, decimalSeparator);
            // Words like "nan" parse as doubles but would turn a text column into numbers.
            if (p.failed || !hasDigit(b, s, e)) candidates &= ~DOUBLE;
        }
        if ((candidates & DATE) != 0 && !narrow(dateFormats, b, s, e, p, false)) candidates &= ~DATE;
        if ((candidates & TIMESTAMP) != 0 && !narrow(timestampFormats, b, s, e, p, true)) candidates &= ~TIMESTAMP;
    }

    private static boolean hasDigit(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) if (b[i] >= '0' && b[i] <= '9') return true;
        return false;
    }

    /** Drops the formats the value does not fit; false when none fits (the formats are then left as they were). */
    private static boolean narrow(List<TextDateFormat> formats, byte[] b, int s, int e, TextTypes p, boolean timestamp) {
        int fits = 0;
        boolean[] ok = new boolean[formats.size()];
        for (int i = 0; i < formats.size(); i++) {
            TextDateFormat f = formats.get(i);
            long v;
            if (f.pattern().equals(ISO_DATE) && !timestamp) v = p.isoDate(b, s, e);
            // A date alone fits ISO timestamps: a column mixing dates and timestamps is TIMESTAMP, as in DuckDB
            // (a column of dates only stops at DATE, which comes first).
            else if (f.pattern().equals(ISO_TIMESTAMP) && timestamp) v = p.isoTimestamp(b, s, e, false);
            else v = timestamp ? f.parseTimestamp(b, s, e) : f.parseDate(b, s, e);
            if (v != DateTimes.INVALID && (!timestamp || f.hasTime()) && (timestamp || !f.hasTime())) {
                ok[i] = true;
                fits++;
            }
        }
        if (fits == 0) return false;
        for (int i = formats.size() - 1; i >= 0; i--) if (!ok[i]) formats.remove(i);
        return true;
    }

    LogicalType type() {
        if (values == 0) return LogicalType.VARCHAR;
        if ((candidates & BOOL) != 0) return LogicalType.BOOLEAN;
        if ((candidates & BIGINT) != 0) return LogicalType.BIGINT;
        if ((candidates & DOUBLE) != 0) return LogicalType.DOUBLE;
        if ((candidates & DATE) != 0) return LogicalType.DATE;
        if ((candidates & TIMESTAMP) != 0) return LogicalType.TIMESTAMP;
        return LogicalType.VARCHAR;
    }

    /** Whether a value fits the type detected so far (header detection: does the first row look like data?). */
    boolean fits(byte[] b, int s, int e, TextTypes p) {
        LogicalType t = type();
        return switch (t.id()) {
            case BOOLEAN -> {
                p.parseBoolStrict(b, s, e);
                yield !p.failed;
            }
            case BIGINT -> {
                p.parseLong(b, s, e);
                yield !p.failed;
            }
            case DOUBLE -> {
                p.parseDouble(b, s, e, decimalSeparator);
                yield !p.failed;
            }
            case DATE -> {
                TextDateFormat f = dateFormat();
                yield (f.pattern().equals(ISO_DATE) ? p.isoDate(b, s, e) : f.parseDate(b, s, e)) != DateTimes.INVALID;
            }
            case TIMESTAMP -> {
                TextDateFormat f = timestampFormat();
                yield (f.pattern().equals(ISO_TIMESTAMP) ? p.isoTimestamp(b, s, e, false) : f.parseTimestamp(b, s, e))
                        != DateTimes.INVALID;
            }
            default -> true;
        };
    }

    TextDateFormat dateFormat() {
        return dateFormats.get(0);
    }

    TextDateFormat timestampFormat() {
        return timestampFormats.get(0);
    }
}
