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

    /**
     * By signature: binding one function name to the same argument types always yields the same
     * behaviour, but a fresh kernel object, so two bindings of one expression compare equal
     * (the optimizer finds repeated subplans this way).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScalarFunction f && name.equals(f.name) && argTypes.equals(f.argTypes)
                && returnType.equals(f.returnType) && deterministic == f.deterministic;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, argTypes, returnType, deterministic);
    }

    @Override
    public String toString() {
        return name + argTypes;
    }
}
