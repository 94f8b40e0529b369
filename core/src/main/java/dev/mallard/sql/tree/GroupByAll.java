package dev.mallard.sql.tree;

/** DuckDB {@code GROUP BY ALL}: group by every select item that contains no aggregate. */
public record GroupByAll(Position position) implements GroupBy {
}
