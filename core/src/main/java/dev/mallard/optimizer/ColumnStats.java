package dev.mallard.optimizer;

/**
 * What the optimizer knows about one table column's values.
 *
 * @param distinct estimated distinct non-NULL values
 * @param min      smallest value in physical form (days for DATE, scaled for DECIMAL), or NaN
 * @param max      largest value in physical form, or NaN
 */
public record ColumnStats(double distinct, double min, double max) {
    /** Whether min and max hold (numbers, dates and timestamps with at least one value). */
    public boolean hasRange() {
        return min <= max;
    }
}
