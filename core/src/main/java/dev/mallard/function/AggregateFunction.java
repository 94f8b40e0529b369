package dev.mallard.function;

import dev.mallard.types.LogicalType;
import java.util.List;
import java.util.function.Supplier;

/**
 * An aggregate bound to concrete argument types. DISTINCT and FILTER are applied by the operator
 * before rows reach the state, so every aggregate gets them for free.
 */
public record AggregateFunction(
        String name,
        List<LogicalType> argTypes,
        LogicalType returnType,
        Supplier<AggregateState> stateFactory) {

    public AggregateState newState() {
        return stateFactory.get();
    }

    /** By signature, like {@link ScalarFunction#equals}: the state factory is a fresh object per binding. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AggregateFunction f && name.equals(f.name) && argTypes.equals(f.argTypes)
                && returnType.equals(f.returnType);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, argTypes, returnType);
    }

    @Override
    public String toString() {
        return name + argTypes;
    }
}
