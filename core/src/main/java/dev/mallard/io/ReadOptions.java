package dev.mallard.io;

import dev.mallard.MallardException;
import dev.mallard.planner.NameSuggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Named options of a read function or COPY ({@code header = true, delim = ';',
 * types = ['INTEGER', 'VARCHAR'], columns = {'a': 'INTEGER'}}), by lower-case name. Values are
 * plain Java: String, Long, Double, Boolean, {@code List<Object>} for {@code [...]} and
 * {@code Map<String, Object>} for {@code {...}}; null for NULL. Each format takes the options it
 * knows and calls {@link #rejectUnknown}, which turns a typo into an error naming the closest one.
 */
public final class ReadOptions {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public ReadOptions(Map<String, ?> values) {
        values.forEach((k, v) -> this.values.put(k.toLowerCase(Locale.ROOT), v));
    }

    public static ReadOptions none() {
        return new ReadOptions(Map.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object get(String name) {
        return values.get(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** A copy with {@code name} set (a multi-file scan passes what it detected in the first file on). */
    public ReadOptions with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new ReadOptions(copy);
    }

    /** A copy without {@code names} (options the scan of many files handles itself). */
    public ReadOptions without(Collection<String> names) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        for (String n : names) copy.remove(n);
        return new ReadOptions(copy);
    }

    public String string(String name, String otherwise) {
        if (!values.containsKey(name)) return otherwise;
        Object v = values.get(name);
        if (v == null) return null;
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            throw MallardException.Data.invalidArgument("option " + name + " takes a single value, got " + v);
        }
        return v.toString();
    }

    public boolean bool(String name, boolean otherwise) {
        Object v = values.get(name);
        if (v == null) return otherwise;
        if (v instanceof Boolean b) return b;
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw MallardException.Data.invalidArgument("option " + name + " takes true or false, got '" + v + "'");
        };
    }

    public long integer(String name, long otherwise) {
        Object v = values.get(name);
        if (v == null) return otherwise;
        if (v instanceof Long || v instanceof Integer) return ((Number) v).longValue();
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw MallardException.Data.invalidArgument("option " + name + " takes a whole number, got '" + v + "'");
        }
    }

    /** An option given as a list ({@code ['a', 'b']}) or as a single value, as text. */
    public List<String> strings(String name) {
        Object v = values.get(name);
        if (v == null) return List.of();
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) out.add(o == null ? null : o.toString());
        } else {
            out.add(v.toString());
        }
        return out;
    }

    /** An option given as {@code {'name': value, ...}}, values as text, in the order written. */
    public Map<String, String> map(String name) {
        Object v = values.get(name);
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?> m)) {
            throw MallardException.Data.invalidArgument("option " + name + " takes {'name': 'value', ...}, got '" + v + "'");
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), x == null ? null : x.toString()));
        return out;
    }

    /** Fails on an option no reader of this format knows. */
    public void rejectUnknown(Collection<String> known, String function) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw MallardException.Data.invalidArgument("unknown option \"" + name + "\" for " + function
                        + NameSuggestions.hint(name, known));
            }
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
