package dev.mallard.function;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The overloads of every scalar and aggregate function by lower-case name. The definition classes
 * ({@code function.scalar.*}, {@code function.aggregate.*}) fill one instance at start-up through the
 * {@code add…} methods; after that it is only read, so it is safe to share between threads.
 */
public final class FunctionCatalog {
    private final Map<String, List<Overload<ScalarBinding>>> scalars = new LinkedHashMap<>();
    private final Map<String, List<Overload<AggregateBinding>>> aggregates = new LinkedHashMap<>();

    // ---- building ----------------------------------------------------------------------------

    public void addScalar(String name, Signature signature, ScalarBinding binding) {
        scalars.computeIfAbsent(key(name), k -> new ArrayList<>()).add(new Overload<>(signature, binding));
    }

    /** A deterministic overload with a fixed return type whose kernel takes the arguments as declared. */
    public void addScalar(String name, Signature signature, LogicalType returnType, ScalarKernel kernel) {
        addScalar(name, signature, (n, args) -> new ScalarFunction(n, args, returnType, kernel, true));
    }

    /** A non-deterministic overload (random, now): never constant-folded. */
    public void addVolatileScalar(String name, Signature signature, LogicalType returnType, ScalarKernel kernel) {
        addScalar(name, signature, (n, args) -> new ScalarFunction(n, args, returnType, kernel, false));
    }

    public void addAggregate(String name, Signature signature, AggregateBinding binding) {
        aggregates.computeIfAbsent(key(name), k -> new ArrayList<>()).add(new Overload<>(signature, binding));
    }

    /** Makes {@code alias} resolve exactly like {@code existing} (scalar or aggregate). */
    public void alias(String alias, String existing) {
        List<Overload<ScalarBinding>> s = scalars.get(key(existing));
        List<Overload<AggregateBinding>> a = aggregates.get(key(existing));
        if (s == null && a == null) throw new IllegalArgumentException("no function " + existing + " to alias");
        if (s != null) scalars.put(key(alias), s);
        if (a != null) aggregates.put(key(alias), a);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // ---- lookup ------------------------------------------------------------------------------

    public boolean isAggregate(String name) {
        return aggregates.containsKey(key(name));
    }

    public boolean isScalar(String name) {
        return scalars.containsKey(key(name));
    }

    public ScalarFunction scalar(String name, List<LogicalType> args) {
        return scalar(name, args, null);
    }

    /**
     * Like {@link #scalar(String, List)}, also passing the values of constant arguments (physical
     * form, null where not constant) so functions such as date_part('epoch', …) get DuckDB's types.
     */
    public ScalarFunction scalar(String name, List<LogicalType> args, List<Object> constants) {
        String key = key(name);
        List<Overload<ScalarBinding>> overloads = scalars.get(key);
        if (overloads == null) {
            if (aggregates.containsKey(key)) {
                throw new MallardException.Binder("42803", name + " is an aggregate function and cannot be used here");
            }
            throw unknown(name, args, "function", scalars.keySet());
        }
        OverloadResolver.Match<ScalarBinding> m = OverloadResolver.resolve(overloads, args);
        if (m == null) throw noMatch(key, args, overloads);
        return m.overload().binding().bind(key, m.targets(), constants);
    }

    public AggregateFunction aggregate(String name, List<LogicalType> args) {
        String key = key(name);
        List<Overload<AggregateBinding>> overloads = aggregates.get(key);
        if (overloads == null) {
            if (scalars.containsKey(key)) {
                throw MallardException.Catalog.undefinedFunction(name + " is not an aggregate function");
            }
            throw unknown(name, args, "aggregate function", aggregates.keySet());
        }
        OverloadResolver.Match<AggregateBinding> m = OverloadResolver.resolve(overloads, args);
        if (m == null) throw noMatch(key, args, overloads);
        return m.overload().binding().bind(key, m.targets());
    }

    /** All names, for completion and documentation. */
    public List<String> scalarNames() {
        return Collections.unmodifiableList(new ArrayList<>(scalars.keySet()));
    }

    public List<String> aggregateNames() {
        return Collections.unmodifiableList(new ArrayList<>(aggregates.keySet()));
    }

    // ---- errors ------------------------------------------------------------------------------

    private static MallardException unknown(String name, List<LogicalType> args, String what, Iterable<String> names) {
        String closest = Spelling.closest(name, names);
        return MallardException.Catalog.undefinedFunction(what + " " + name + " does not exist"
                + (closest == null ? "" : ". Did you mean \"" + closest + "\"?"));
    }

    private static <B> MallardException noMatch(String name, List<LogicalType> args, List<Overload<B>> overloads) {
        // Overloads taking as many arguments as the call are the useful hints; operators have dozens in all.
        List<String> sameArity = overloads.stream().filter(o -> o.signature().describe(name).chars().filter(ch -> ch == ',').count()
                        == Math.max(0, args.size() - 1)).map(o -> o.signature().describe(name)).distinct().toList();
        List<String> shown = new ArrayList<>(sameArity.isEmpty()
                ? overloads.stream().map(o -> o.signature().describe(name)).distinct().toList() : sameArity);
        // Those that share an argument type with the call first: "+(DATE, INTEGER)" for "+(DATE, BOOLEAN)".
        shown.sort(java.util.Comparator.comparingLong(d -> -args.stream().filter(t -> d.contains(t.id().name())).count()));
        String candidates = shown.stream().limit(8).collect(Collectors.joining(", ")) + (shown.size() > 8 ? ", …" : "");
        return MallardException.Catalog.undefinedFunction("No function matches '" + call(name, args)
                + "'. Candidates: " + candidates + ". You may need an explicit cast.");
    }

    static String call(String name, List<LogicalType> args) {
        return name + "(" + args.stream().map(LogicalType::toString).collect(Collectors.joining(", ")) + ")";
    }
}
