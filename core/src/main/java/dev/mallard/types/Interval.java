package dev.mallard.types;

/**
 * A PostgreSQL-style interval: months, days and microseconds are kept apart because a month has
 * no fixed number of days and a day no fixed number of microseconds across DST in zoned arithmetic.
 */
public record Interval(int months, int days, long micros) implements Comparable<Interval> {
    public static final long MICROS_PER_DAY = 86_400_000_000L;

    /** Comparison normalizes to 30-day months and 24-hour days, as PostgreSQL does. */
    public long normalizedMicros() {
        return (months * 30L + days) * MICROS_PER_DAY + micros;
    }

    @Override
    public int compareTo(Interval o) {
        return Long.compare(normalizedMicros(), o.normalizedMicros());
    }
}
