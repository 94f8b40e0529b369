package dev.mallard.function;

import dev.mallard.types.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter types of one overload, as type families: a DECIMAL parameter accepts any
 * precision and scale (the overload's binding sees the concrete type), and {@link #ANY} accepts
 * every type unchanged. A variadic signature repeats its last parameter zero or more times.
 */
public record Signature(List<TypeId> params, boolean variadic) {
    /** Marks a parameter that takes any type as it is (the NULL family is never a real parameter). */
    public static final TypeId ANY = TypeId.NULL;

    public Signature {
        params = List.copyOf(params);
        if (variadic && params.isEmpty()) throw new IllegalArgumentException("a variadic signature needs a parameter");
    }

    public static Signature of(TypeId... params) {
        return new Signature(List.of(params), false);
    }

    /** The given parameters, the last one repeated any number of times (including zero). */
    public static Signature variadic(TypeId... params) {
        return new Signature(List.of(params), true);
    }

    /** The parameter family for argument position {@code i}, or null when no parameter takes it. */
    public TypeId param(int i) {
        if (i < params.size()) return params.get(i);
        return variadic ? params.get(params.size() - 1) : null;
    }

    /** Whether a call with {@code n} arguments fits the parameter count. */
    public boolean accepts(int n) {
        return variadic ? n >= params.size() - 1 : n == params.size();
    }

    /** SQL-ish spelling for error messages: {@code substring(VARCHAR, BIGINT, BIGINT)}, {@code concat(ANY...)}. */
    public String describe(String name) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i) == ANY ? "ANY" : params.get(i).name();
            parts.add(variadic && i == params.size() - 1 ? p + "..." : p);
        }
        return name + "(" + String.join(", ", parts) + ")";
    }
}
