package dev.mallard.function;

import dev.mallard.function.cast.CastFunctions;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the overload for a call the way PostgreSQL and DuckDB do: an exact match wins, otherwise
 * the overload reachable with the cheapest implicit casts ({@link CastFunctions#implicitCastCost}
 * summed over the arguments); among equally cheap overloads the one declared first wins, so
 * declaration order states preference (narrower types first).
 */
final class OverloadResolver {
    private OverloadResolver() {}

    /** The chosen overload and the types the arguments convert to. */
    record Match<B>(Overload<B> overload, List<LogicalType> targets, int cost) {}

    static <B> Match<B> resolve(List<Overload<B>> overloads, List<LogicalType> args) {
        Match<B> best = null;
        for (Overload<B> o : overloads) {
            Match<B> m = match(o, args);
            if (m != null && (best == null || m.cost < best.cost)) best = m;
        }
        return best;
    }

    private static <B> Match<B> match(Overload<B> o, List<LogicalType> args) {
        Signature sig = o.signature();
        if (!sig.accepts(args.size())) return null;
        List<LogicalType> targets = new ArrayList<>(args.size());
        int total = 0;
        for (int i = 0; i < args.size(); i++) {
            LogicalType actual = args.get(i);
            LogicalType target = target(sig.param(i), actual);
            if (target == null) return null;
            int cost = actual.equals(target) ? 0 : CastFunctions.implicitCastCost(actual, target);
            if (cost < 0) return null;
            total += cost;
            targets.add(target);
        }
        return new Match<>(o, targets, total);
    }

    /** The concrete type an argument of type {@code actual} converts to for a parameter family, or null. */
    static LogicalType target(TypeId param, LogicalType actual) {
        if (param == Signature.ANY || param == actual.id()) return actual;
        if (param == TypeId.DECIMAL) {
            if (actual.isInteger()) return LogicalType.decimal(actual.integerDigits(), 0);
            if (actual.id() == TypeId.NULL) return LogicalType.decimal(18, 3);
            return null;
        }
        return LogicalType.of(param);
    }
}
