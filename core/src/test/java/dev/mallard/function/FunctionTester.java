package dev.mallard.function;

import dev.mallard.function.cast.CastFunctions;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.types.Values;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates functions and casts on single values the way the executor will: resolve the overload,
 * cast each argument to the kernel's type, run the kernel over a vector. Arguments are written as
 * typed literals, {@code "DECIMAL(10,2) 1.50"}, {@code "INTEGER 7"}, {@code "VARCHAR abc"},
 * {@code "NULL"} (untyped) or {@code "INTEGER NULL"}; the value part is parsed by the VARCHAR cast.
 */
public final class FunctionTester {
    private FunctionTester() {}

    /** A literal: type name (with DECIMAL(p,s)) followed by one space and the value text. */
    public static Values.Typed lit(String spec) {
        if (spec.equals("NULL")) return new Values.Typed(LogicalType.NULL, null);
        int space = spec.indexOf(' ');
        String typeName = space < 0 ? spec : spec.substring(0, space);
        String text = space < 0 ? "" : spec.substring(space + 1);
        LogicalType type = type(typeName);
        if (text.equals("NULL")) return new Values.Typed(type, null);
        return new Values.Typed(type, cast(new Values.Typed(LogicalType.VARCHAR, text), type, false));
    }

    public static LogicalType type(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.startsWith("DECIMAL(")) {
            String[] ps = n.substring(8, n.length() - 1).split(",");
            return LogicalType.decimal(Integer.parseInt(ps[0].trim()), Integer.parseInt(ps[1].trim()));
        }
        return LogicalType.of(TypeId.valueOf(n));
    }

    /** Casts one physical value. */
    public static Object cast(Values.Typed v, LogicalType to, boolean tryCast) {
        Vector in = vector(v);
        Vector out = new Vector(to, 4);
        CastFunctions.kernel(v.type(), to, tryCast).execute(new Vector[] {in}, null, 1, out);
        return out.getObject(0);
    }

    public static Vector vector(Values.Typed v) {
        Vector vec = new Vector(v.type(), 4);
        vec.setObject(0, v.value());
        return vec;
    }

    /** Calls a scalar function; returns the result with its type. */
    public static Values.Typed call(String name, Values.Typed... args) {
        List<LogicalType> types = new ArrayList<>();
        List<Object> constants = new ArrayList<>();
        for (Values.Typed a : args) {
            types.add(a.type());
            constants.add(a.value());
        }
        ScalarFunction fn = FunctionRegistry.scalar(name, types, constants);
        Vector[] vectors = new Vector[args.length];
        for (int k = 0; k < args.length; k++) {
            LogicalType target = fn.argTypes().get(k);
            Object v = args[k].type().equals(target) ? args[k].value() : cast(args[k], target, false);
            vectors[k] = vector(new Values.Typed(target, v));
        }
        Vector out = new Vector(fn.returnType(), 4);
        fn.kernel().execute(vectors, null, 1, out);
        return new Values.Typed(fn.returnType(), out.getObject(0));
    }

    public static Values.Typed call(String name, String... args) {
        Values.Typed[] typed = new Values.Typed[args.length];
        for (int k = 0; k < args.length; k++) typed[k] = lit(args[k]);
        return call(name, typed);
    }

    /** The call's result as text (DuckDB's spelling) — "NULL" for NULL. */
    public static String text(String name, String... args) {
        Values.Typed r = call(name, args);
        return r.value() == null ? "NULL" : Values.toText(r.type(), r.value());
    }

    /** Result type and text, e.g. "DECIMAL(12,3) 1.625". */
    public static String typed(String name, String... args) {
        Values.Typed r = call(name, args);
        return r.type() + " " + (r.value() == null ? "NULL" : Values.toText(r.type(), r.value()));
    }
}
