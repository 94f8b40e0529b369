package dev.mallard.function.scalar;

import static dev.mallard.function.Signature.ANY;
import static dev.mallard.types.TypeId.BOOLEAN;

import dev.mallard.MallardException;
import dev.mallard.function.FunctionCatalog;
import dev.mallard.function.Kernels;
import dev.mallard.function.ScalarFunction;
import dev.mallard.function.Signature;
import dev.mallard.function.cast.CastFunctions;
import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * if(condition, a, b) / iff: a when the condition is TRUE, b when it is FALSE or NULL, in the common
 * type of a and b. Both branches are evaluated for every row (a binder that wants short-circuit
 * evaluation should rewrite the call into CASE).
 */
public final class ConditionalFunctions {
    private ConditionalFunctions() {}

    public static void register(FunctionCatalog c) {
        c.addScalar("if", Signature.of(BOOLEAN, ANY, ANY), (n, args) -> {
            LogicalType t = CastFunctions.commonSuperType(args.get(1), args.get(2));
            if (t == null) {
                throw MallardException.Binder.typeMismatch("if() branches have incompatible types " + args.get(1) + " and "
                        + args.get(2) + "; add an explicit CAST");
            }
            return new ScalarFunction(n, List.of(LogicalType.BOOLEAN, t, t), t, Kernels.lenient((a, i, o) -> {
                boolean take = !a[0].isNull(i) && a[0].bools[i];
                o.copyFrom(take ? a[1] : a[2], i, i);
            }), true);
        });
        c.alias("iff", "if");
    }
}
