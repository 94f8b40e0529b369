package dev.mallard.sql.tree;

import java.util.List;

/**
 * A table-valued function in FROM: {@code range(10)}, {@code generate_series(1, 10, 2) t(x)},
 * {@code read_csv('f.csv', header = true)}. Named arguments use {@code name = value},
 * {@code name := value} or {@code name => value}. {@code alias} is null when none was written.
 */
public record TableFunction(Position position, QualifiedName name, List<Argument> arguments, Alias alias,
                            boolean lateral) implements Relation {
    public TableFunction {
        arguments = List.copyOf(arguments);
    }
}
