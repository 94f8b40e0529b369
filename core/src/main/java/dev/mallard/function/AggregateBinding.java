package dev.mallard.function;

import dev.mallard.types.LogicalType;
import java.util.List;

/** Completes an aggregate overload for concrete argument types (return type and state factory). */
@FunctionalInterface
public interface AggregateBinding {
    AggregateFunction bind(String name, List<LogicalType> args);
}
