package dev.mallard.io.json;

import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;

/**
 * The type of one key, narrowed over the non-null values of the sample: BOOLEAN, BIGINT, DOUBLE,
 * DATE, TIMESTAMP or VARCHAR. Mixed kinds widen: integers and fractions give DOUBLE, anything
 * with a string, a nested value or a boolean among numbers gives VARCHAR (the one type every
 * value has a text for). A key only ever null is VARCHAR.
 */
final class JsonTypeGuess {
    private boolean sawBool, sawInteger, sawFraction, sawString, sawNested;
    /** Whether every string so far reads as a DATE / as a TIMESTAMP (dates count as timestamps at midnight). */
    private boolean allDates = true, allTimestamps = true;

    private final JsonTimeFormat dateFormat, timestampFormat;

    JsonTypeGuess(JsonTimeFormat dateFormat, JsonTimeFormat timestampFormat) {
        this.dateFormat = dateFormat;
        this.timestampFormat = timestampFormat;
    }

    void add(Object v) {
        switch (v) {
            case null -> { }
            case Boolean b -> sawBool = true;
            case Long l -> sawInteger = true;
            case JsonNumber n -> sawFraction = true;
            case JsonNested n -> sawNested = true;
            case String s -> {
                sawString = true;
                if (allDates && !isDate(s)) allDates = false;
                if (allTimestamps && !isTimestamp(s)) allTimestamps = false;
            }
            default -> throw new IllegalStateException("unexpected JSON value " + v.getClass());
        }
    }

    LogicalType type() {
        int kinds = (sawBool ? 1 : 0) + (sawInteger || sawFraction ? 1 : 0) + (sawString ? 1 : 0) + (sawNested ? 1 : 0);
        if (kinds != 1) return LogicalType.VARCHAR;
        if (sawBool) return LogicalType.BOOLEAN;
        if (sawFraction) return LogicalType.DOUBLE;
        if (sawInteger) return LogicalType.BIGINT;
        if (sawString) {
            if (allDates) return LogicalType.DATE;
            if (allTimestamps) return LogicalType.TIMESTAMP;
        }
        return LogicalType.VARCHAR;
    }

    private boolean isDate(String s) {
        if (dateFormat != null) return dateFormat.parseDate(s) != DateTimes.INVALID;
        // ISO 8601 only: the parser also reads "epoch", "infinity" and ignores a time part, which
        // must not turn ordinary words or timestamps into dates.
        return isoDatePrefix(s) == s.length() && DateTimes.tryParseDate(s) != DateTimes.INVALID;
    }

    private boolean isTimestamp(String s) {
        if (timestampFormat != null) return timestampFormat.parseTimestamp(s) != DateTimes.INVALID;
        int end = isoDatePrefix(s);
        if (end < 0) return false;
        if (end < s.length() && s.charAt(end) != 'T' && s.charAt(end) != ' ') return false;
        // An offset (+02:00, -0500) would be dropped by the TIMESTAMP parser, shifting the instant:
        // such strings stay text (DuckDB does the same); Z and UTC mean no shift and are fine.
        if (s.indexOf('+', end) >= 0 || s.indexOf('-', end) >= 0) return false;
        return DateTimes.tryParseTimestamp(s) != DateTimes.INVALID;
    }

    /** The length of a leading YYYY-MM-DD (one- or two-digit month and day), or -1. */
    private static int isoDatePrefix(String s) {
        int i = 0;
        while (i < s.length() && i < 4 && Character.isDigit(s.charAt(i))) i++;
        if (i != 4 || i >= s.length() || s.charAt(i) != '-') return -1;
        i++;
        int m = i;
        while (i < s.length() && i - m < 2 && Character.isDigit(s.charAt(i))) i++;
        if (i == m || i >= s.length() || s.charAt(i) != '-') return -1;
        i++;
        int d = i;
        while (i < s.length() && i - d < 2 && Character.isDigit(s.charAt(i))) i++;
        return i == d ? -1 : i;
    }
}
