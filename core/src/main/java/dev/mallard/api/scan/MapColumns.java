package dev.mallard.api.scan;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of {@code Map<String, ?>} rows, decided from the first {@link JavaTypeMapping#SAMPLE}
 * maps: one column per key, in the order keys are first met; a map without a key reads NULL
 * there. A column's type comes from its non-null values: integers of any width give BIGINT, with
 * floating-point values DOUBLE, BigDecimals DECIMAL ({@link JavaTypeMapping#decimalOf}), other
 * types as {@link JavaTypeMapping} maps them; a key that is NULL in every sampled map is VARCHAR.
 * Values of different kinds under one key (a String and a number) are an error, and so is a key
 * that appears only after the sample ({@link #checkKeys}): dropping it silently would lose data.
 */
final class MapColumns {
    private MapColumns() {}

    /** The columns and the set of their keys (lower case), for {@link #checkKeys}. */
    record Layout(List<JavaColumn> columns, Set<String> keys) {}

    static Layout of(List<?> sample, String table) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (Object row : sample) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) row).entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw MallardException.Data.invalidArgument("the maps of " + table + " must have String keys, found "
                            + (e.getKey() == null ? "null" : e.getKey().getClass().getName() + " " + e.getKey()));
                }
                String lower = key.toLowerCase(Locale.ROOT);
                String before = spelling.putIfAbsent(lower, key);
                if (before != null && !before.equals(key)) {
                    throw MallardException.Data.invalidArgument("the maps of " + table + " have keys \"" + before + "\" and \"" + key
                            + "\", which name the same column (SQL names ignore case); rename one");
                }
                List<Object> seen = values.computeIfAbsent(lower, k -> new ArrayList<>());
                if (e.getValue() != null) seen.add(e.getValue());
            }
        }
        List<JavaColumn> columns = new ArrayList<>();
        for (Map.Entry<String, String> key : spelling.entrySet()) {
            String name = key.getValue();
            List<Object> seen = values.get(key.getKey());
            JavaTypeMapping.Mapping m = mapping(seen, name, table);
            columns.add(new JavaColumn(name, m.type(), new ColumnFiller.Objects(row -> ((Map<?, ?>) row).get(name), m.writer(), name)));
        }
        return new Layout(columns, spelling.keySet());
    }

    private static JavaTypeMapping.Mapping mapping(List<Object> values, String key, String table) {
        if (values.isEmpty()) return new JavaTypeMapping.Mapping(LogicalType.VARCHAR, ValueWriter.TEXT);
        boolean integers = true, numbers = true, decimals = false;
        Class<?> first = values.get(0).getClass();
        boolean same = true;
        for (Object v : values) {
            boolean integer = v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
            integers &= integer;
            numbers &= integer || v instanceof Double || v instanceof Float || v instanceof BigDecimal;
            decimals |= v instanceof BigDecimal;
            same &= kind(v.getClass()) == kind(first);
        }
        if (integers) return new JavaTypeMapping.Mapping(LogicalType.BIGINT, ValueWriter.LONG);
        if (numbers) {
            boolean floating = values.stream().anyMatch(v -> v instanceof Double || v instanceof Float);
            return floating || !decimals ? new JavaTypeMapping.Mapping(LogicalType.DOUBLE, ValueWriter.DOUBLE)
                    : new JavaTypeMapping.Mapping(JavaTypeMapping.decimalOf(values), ValueWriter.DECIMAL);
        }
        JavaTypeMapping.Mapping m = JavaTypeMapping.of(first);
        if (m == null) {
            throw MallardException.Data.invalidArgument("key \"" + key + "\" of the maps of " + table + " holds " + first.getName()
                    + ", which has no SQL type (supported: " + JavaTypeMapping.SUPPORTED + ")");
        }
        if (!same) {
            Object other = values.stream().filter(v -> kind(v.getClass()) != kind(first)).findFirst().orElseThrow();
            throw MallardException.Data.invalidArgument("key \"" + key + "\" of the maps of " + table + " holds both "
                    + first.getName() + " and " + other.getClass().getName() + " values; a column has one type, convert them first");
        }
        // Strings, enums and UUIDs may share a VARCHAR column: write them all as text.
        return m.type().equals(LogicalType.VARCHAR) ? new JavaTypeMapping.Mapping(LogicalType.VARCHAR, ValueWriter.TEXT) : m;
    }

    /** Classes that map to one writer count as one kind (every enum, say). */
    private static Object kind(Class<?> c) {
        JavaTypeMapping.Mapping m = JavaTypeMapping.of(c);
        return m == null ? c : m.type().id();
    }

    /** Fails on a key of {@code row} that is not a column. */
    static void checkKeys(Map<?, ?> row, Set<String> keys, long index, String table) {
        if (row.size() <= keys.size()) {
            boolean allKnown = true;
            for (Object k : row.keySet()) {
                if (!(k instanceof String s) || !keys.contains(s.toLowerCase(Locale.ROOT))) {
                    allKnown = false;
                    break;
                }
            }
            if (allKnown) return;
        }
        for (Object k : row.keySet()) {
            if (!(k instanceof String s) || !keys.contains(s.toLowerCase(Locale.ROOT))) {
                throw MallardException.Data.invalidArgument("row " + index + " of " + table + " has key \"" + k + "\", which none of the first "
                        + JavaTypeMapping.SAMPLE + " maps has, so it is not a column; put the key (with null) into an early map, "
                        + "or register the maps as records");
            }
        }
    }
}
