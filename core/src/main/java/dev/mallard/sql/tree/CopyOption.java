package dev.mallard.sql.tree;

/**
 * One option in COPY's list: {@code FORMAT csv}, {@code HEADER true}, {@code DELIMITER ','},
 * {@code HEADER} (bare: {@code value} null, meaning true). A bare word value such as {@code csv}
 * arrives as a StringLiteral of its spelling; lists {@code (a, b)} as a RowConstructor.
 */
public record CopyOption(Position position, Identifier name, Expression value) implements Node {
}
