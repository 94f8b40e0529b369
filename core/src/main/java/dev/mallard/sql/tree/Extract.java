package dev.mallard.sql.tree;

/**
 * {@code EXTRACT(field FROM source)}. {@code field} is the lower-cased word or string as written
 * (year, month, day, hour, minute, second, quarter, week, dow, doy, epoch, millisecond(s),
 * microsecond(s), decade, century, millennium, isodow, isoyear, ...); the binder validates it.
 */
public record Extract(Position position, String field, Expression source) implements Expression {
}
