package dev.mallard.function;

import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * Completes an overload for concrete argument types: picks the final argument types (e.g. both
 * operands of a decimal addition rescaled to the result type), computes the return type and
 * supplies the kernel. {@code args} already match the overload's {@link Signature}.
 */
@FunctionalInterface
public interface ScalarBinding {
    ScalarFunction bind(String name, List<LogicalType> args);

    /**
     * Binding that may also look at arguments the caller knows to be constant ({@code constants}
     * holds one physical value per argument, null when not constant or unknown; the whole list may
     * be null). Only a few functions care, e.g. date_part('epoch', …) returns DOUBLE.
     */
    default ScalarFunction bind(String name, List<LogicalType> args, List<Object> constants) {
        return bind(name, args);
    }
}
