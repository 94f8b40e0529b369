package dev.mallard.api.scan;

import java.time.LocalDate;

/**
 * The epoch day of a {@link LocalDate}, as a DATE column holds it, by two table lookups.
 * {@link LocalDate#toEpochDay} divides by 4, 100 and 400 and decides the leap year again for
 * every value; a scan of a list converts one date per row (6 million for TPC-H lineitem), and an
 * insert of maps one per date value, where that arithmetic cost as much as reading the rest of the
 * row. Here a year's first day and a
 * month's offset come from small tables, and {@code toEpochDay} remains for years outside them.
 */
public final class EpochDays {
    private EpochDays() {}

    /** The years the tables cover: far beyond the dates programs hold, and 4 KiB of table. */
    private static final int FIRST_YEAR = 1600, LAST_YEAR = 2599;

    /** Epoch day of January 1st of year {@code FIRST_YEAR + i}, up to the year after the last. */
    private static final int[] YEAR_START = new int[LAST_YEAR - FIRST_YEAR + 2];

    /**
     * Days before month {@code m} (1-based) in a common year at {@code [m]}, in a leap year at
     * {@code [13 + m]}.
     */
    private static final int[] MONTH_START = new int[26];

    static {
        for (int i = 0; i < YEAR_START.length; i++) YEAR_START[i] = (int) LocalDate.of(FIRST_YEAR + i, 1, 1).toEpochDay();
        for (int m = 1; m <= 12; m++) {
            MONTH_START[m] = LocalDate.of(2001, m, 1).getDayOfYear() - 1;
            MONTH_START[13 + m] = LocalDate.of(2000, m, 1).getDayOfYear() - 1;
        }
    }

    /** The epoch day of {@code date}; an {@link ArithmeticException} when it does not fit in an int. */
    public static int of(LocalDate date) {
        int y = date.getYear() - FIRST_YEAR;
        if (y < 0 || y > LAST_YEAR - FIRST_YEAR) return Math.toIntExact(date.toEpochDay());
        int start = YEAR_START[y];
        // a leap year is 366 days long: the next year's first day says so, without dividing or branching
        int leapRow = (YEAR_START[y + 1] - start - 365) * 13;
        return start + MONTH_START[leapRow + date.getMonthValue()] + date.getDayOfMonth() - 1;
    }
}
