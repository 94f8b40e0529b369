package dev.mallard.function;

import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * A scalar function bound to concrete argument types: what the binder puts into an expression
 * tree and the executor runs. {@code argTypes} are the types the kernel expects; the binder casts
 * the arguments to them. Non-deterministic functions (random, now) are never constant-folded.
 */
public record ScalarFunction(
        String name,
        List<LogicalType> argTypes,
        LogicalType returnType,
        ScalarKernel kernel,
        boolean deterministic) {

    @Override
    public String toString() {
        return name + argTypes;
    }
}
