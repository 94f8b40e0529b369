package dev.mallard.function.scalar;

import dev.mallard.MallardException;

import static dev.mallard.types.TypeId.BIGINT;
import static dev.mallard.types.TypeId.DECIMAL;
import static dev.mallard.types.TypeId.DOUBLE;
import static dev.mallard.types.TypeId.INTEGER;
import static dev.mallard.types.TypeId.REAL;
import static dev.mallard.types.TypeId.SMALLINT;
import static dev.mallard.types.TypeId.TINYINT;

import dev.mallard.function.FunctionCatalog;
import dev.mallard.function.Kernels;
import dev.mallard.function.RowKernel;
import dev.mallard.function.ScalarFunction;
import dev.mallard.function.Signature;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.util.List;

/**
 * The numeric operators {@code + - * / // % ^ **}, unary {@code - +}, and the bitwise
 * {@code & | # << >> ~}, following DuckDB:
 * <ul>
 *   <li>Integer operators keep the operand type (overload resolution widens the narrower operand
 *       first), and overflow is an error: {@code Overflow in addition of INTEGER (2147483647 + 1)}.</li>
 *   <li>{@code /} always divides in floating point: integers and decimals convert to DOUBLE
 *       ({@code 7 / 2 = 3.5}); {@code //} is integer division truncating toward zero, and for DOUBLE
 *       the same as {@code /} (as in DuckDB).</li>
 *   <li>Division and remainder by zero are errors for every type, as in PostgreSQL (DuckDB returns
 *       NULL for integers and decimals and ±infinity for DOUBLE).</li>
 *   <li>DECIMAL: see {@link DecimalArithmetic}.</li>
 * </ul>
 * Overloads are declared narrow to wide, REAL before DOUBLE, so ties resolve to the narrower type.
 */
public final class ArithmeticFunctions {
    private ArithmeticFunctions() {}

    private static final TypeId[] INTEGERS = {TINYINT, SMALLINT, INTEGER, BIGINT};

    public static void register(FunctionCatalog c) {
        for (TypeId id : INTEGERS) {
            LogicalType t = LogicalType.of(id);
            binary(c, "+", t, IntegerArithmetic.add(t));
            binary(c, "-", t, IntegerArithmetic.subtract(t));
            binary(c, "*", t, IntegerArithmetic.multiply(t));
            binary(c, "//", t, IntegerArithmetic.divide(t));
            binary(c, "%", t, IntegerArithmetic.modulo(t));
            unary(c, "-", t, IntegerArithmetic.negate(t));
            c.addScalar("+", Signature.of(id), t, Kernels.strict(copy(t)));
            for (char op : new char[] {'&', '|', '#', '<', '>'}) {
                String name = op == '<' ? "<<" : op == '>' ? ">>" : String.valueOf(op);
                binary(c, name, t, IntegerArithmetic.bitwise(t, op));
            }
            unary(c, "~", t, IntegerArithmetic.bitwise(t, '~'));
        }
        c.alias("xor", "#");

        c.addScalar("+", Signature.of(DECIMAL, DECIMAL), DecimalArithmetic::bindAddOrSubtract);
        c.addScalar("-", Signature.of(DECIMAL, DECIMAL), DecimalArithmetic::bindAddOrSubtract);
        c.addScalar("*", Signature.of(DECIMAL, DECIMAL), DecimalArithmetic::bindMultiply);
        c.addScalar("%", Signature.of(DECIMAL, DECIMAL), DecimalArithmetic::bindModulo);
        c.addScalar("-", Signature.of(DECIMAL), DecimalArithmetic::bindNegate);
        c.addScalar("+", Signature.of(DECIMAL), (n, args) -> new ScalarFunction(n, args, args.get(0),
                Kernels.strict(copy(args.get(0))), true));

        floating(c, LogicalType.REAL);
        floating(c, LogicalType.DOUBLE);
        binary(c, "^", LogicalType.DOUBLE, (a, i, o) -> o.doubles[i] = Math.pow(a[0].doubles[i], a[1].doubles[i]));
        c.alias("**", "^");
        // DuckDB's named forms of the operators; divide is integer division like //.
        c.alias("add", "+");
        c.alias("subtract", "-");
        c.alias("multiply", "*");
        c.alias("divide", "//");
    }

    /** REAL and DOUBLE share {@code double[]} storage; REAL results are rounded to float precision. */
    private static void floating(FunctionCatalog c, LogicalType t) {
        boolean real = t.id() == REAL;
        binary(c, "+", t, rounded(real, (a, i, o) -> o.doubles[i] = a[0].doubles[i] + a[1].doubles[i]));
        binary(c, "-", t, rounded(real, (a, i, o) -> o.doubles[i] = a[0].doubles[i] - a[1].doubles[i]));
        binary(c, "*", t, rounded(real, (a, i, o) -> o.doubles[i] = a[0].doubles[i] * a[1].doubles[i]));
        // Division by zero is an error, as in PostgreSQL (DuckDB answers NULL): never a silent inf or NULL.
        RowKernel divide = rounded(real, (a, i, o) -> o.doubles[i] = a[0].doubles[i] / nonZero(a[1].doubles[i]));
        binary(c, "/", t, divide);
        binary(c, "//", t, divide);
        binary(c, "%", t, rounded(real, (a, i, o) -> o.doubles[i] = a[0].doubles[i] % nonZero(a[1].doubles[i])));
        unary(c, "-", t, (a, i, o) -> o.doubles[i] = -a[0].doubles[i]);
        unary(c, "+", t, copy(t));
    }

    private static double nonZero(double divisor) {
        if (divisor == 0) throw MallardException.Data.divisionByZero();
        return divisor;
    }

    /** For REAL, rounds the double result to float precision after the body ran. */
    private static RowKernel rounded(boolean real, RowKernel body) {
        if (!real) return body;
        return (a, i, o) -> {
            body.apply(a, i, o);
            o.doubles[i] = (float) o.doubles[i];
        };
    }

    static RowKernel copy(LogicalType t) {
        return (a, i, o) -> o.copyFrom(a[0], i, i);
    }

    private static void binary(FunctionCatalog c, String name, LogicalType t, RowKernel body) {
        c.addScalar(name, new Signature(List.of(t.id(), t.id()), false), t, Kernels.strict(body));
    }

    private static void unary(FunctionCatalog c, String name, LogicalType t, RowKernel body) {
        c.addScalar(name, Signature.of(t.id()), t, Kernels.strict(body));
    }
}
