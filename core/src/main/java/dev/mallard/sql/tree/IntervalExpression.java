package dev.mallard.sql.tree;

/**
 * INTERVAL in its forms:
 * <ul>
 *   <li>{@code INTERVAL '1 year 2 months'}: value is a StringLiteral, unit null;</li>
 *   <li>{@code INTERVAL '3' MONTH}, {@code INTERVAL 3 DAY}, {@code INTERVAL (x + 1) DAYS}: value any
 *       expression, unit set;</li>
 *   <li>{@code INTERVAL '1-2' YEAR TO MONTH}: unit and toUnit set.</li>
 * </ul>
 * Units are normalized to lower-case singular: year, quarter, month, week, day, hour, minute,
 * second, millisecond, microsecond, decade, century, millennium.
 */
public record IntervalExpression(Position position, Expression value, String unit, String toUnit)
        implements Expression {
}
