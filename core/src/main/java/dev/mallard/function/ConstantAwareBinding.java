package dev.mallard.function;

import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * A {@link ScalarBinding} whose result type depends on constant arguments, such as
 * {@code date_part('epoch', ts)} (DOUBLE rather than BIGINT) or {@code round(decimal, 2)}
 * (DECIMAL(p, 2)). Without constants ({@code constants} null or the entry null) it must still
 * produce a working function.
 */
@FunctionalInterface
public interface ConstantAwareBinding extends ScalarBinding {
    ScalarFunction bindWithConstants(String name, List<LogicalType> args, List<Object> constants);

    @Override
    default ScalarFunction bind(String name, List<LogicalType> args) {
        return bindWithConstants(name, args, null);
    }

    @Override
    default ScalarFunction bind(String name, List<LogicalType> args, List<Object> constants) {
        return bindWithConstants(name, args, constants);
    }

    /** The constant at position i, or null. */
    static Object constant(List<Object> constants, int i) {
        return constants == null || i >= constants.size() ? null : constants.get(i);
    }
}
