package dev.mallard.io;

import dev.mallard.MallardException;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hive-style partition folders ({@code lake/year=2024/state=OR/part-0.parquet}): the keys and
 * values in each file's path become columns. A key's type is the narrowest every value parses as
 * (BIGINT, DOUBLE, DATE, else VARCHAR) unless {@code hive_types} names it; the folder value
 * {@code __HIVE_DEFAULT_PARTITION__} (Spark's NULL) is NULL.
 *
 * @param keys   partition keys in path order
 * @param types  their types
 * @param values per file, the keys' values in physical form (null for NULL)
 */
public record HivePartitions(List<String> keys, List<LogicalType> types, List<Object[]> values) {
    public static final String NULL_FOLDER = "__HIVE_DEFAULT_PARTITION__";

    /** The {@code key=value} folders of one path, in order. */
    public static Map<String, String> parse(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = path.replace('\\', '/').split("/");
        for (int i = 0; i < parts.length - 1; i++) { // the last part is the file name
            int eq = parts[i].indexOf('=');
            if (eq > 0) out.put(parts[i].substring(0, eq), java.net.URLDecoder.decode(parts[i].substring(eq + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Whether the path has partition folders (what hive_partitioning = auto looks for). */
    public static boolean present(String path) {
        return !parse(path).isEmpty();
    }

    /** The partitions of {@code files}; every file must have the same keys. */
    public static HivePartitions of(List<FileInput> files, Map<String, String> declaredTypes) {
        List<Map<String, String>> parsed = new ArrayList<>();
        for (FileInput f : files) parsed.add(parse(f.name()));
        List<String> keys = new ArrayList<>(parsed.get(0).keySet());
        for (int i = 1; i < files.size(); i++) {
            if (!lower(parsed.get(i).keySet()).equals(lower(keys))) {
                throw MallardException.Data.invalidArgument("hive partitions differ between files: " + files.get(0).name() + " has "
                        + keys + ", " + files.get(i).name() + " has " + parsed.get(i).keySet()
                        + "; read them separately or set hive_partitioning = false");
            }
        }
        Map<String, String> declared = new LinkedHashMap<>();
        declaredTypes.forEach((k, v) -> declared.put(k.toLowerCase(Locale.ROOT), v));
        List<LogicalType> types = new ArrayList<>();
        for (String key : keys) {
            String given = declared.get(key.toLowerCase(Locale.ROOT));
            if (given != null) {
                types.add(dev.mallard.planner.TypeResolver.fromText(given));
            } else {
                List<String> seen = new ArrayList<>();
                for (Map<String, String> p : parsed) seen.add(get(p, key));
                types.add(detect(seen));
            }
        }
        List<Object[]> values = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Object[] row = new Object[keys.size()];
            for (int k = 0; k < keys.size(); k++) row[k] = convert(get(parsed.get(f), keys.get(k)), types.get(k), keys.get(k), files.get(f));
            values.add(row);
        }
        return new HivePartitions(List.copyOf(keys), List.copyOf(types), values);
    }

    private static List<String> lower(java.util.Collection<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static String get(Map<String, String> parsed, String key) {
        for (Map.Entry<String, String> e : parsed.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        return null;
    }

    private static boolean isNull(String v) {
        return v == null || v.equals(NULL_FOLDER) || v.equalsIgnoreCase("null");
    }

    private static LogicalType detect(List<String> values) {
        boolean integers = true, doubles = true, dates = true;
        for (String v : values) {
            if (isNull(v)) continue;
            if (integers && !v.matches("[-+]?\\d{1,18}")) integers = false;
            if (doubles && !v.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) doubles = false;
            if (dates && (!v.matches("\\d{4}-\\d{2}-\\d{2}") || DateTimes.tryParseDate(v) == DateTimes.INVALID)) dates = false;
        }
        if (integers) return LogicalType.BIGINT;
        if (doubles) return LogicalType.DOUBLE;
        if (dates) return LogicalType.DATE;
        return LogicalType.VARCHAR;
    }

    private static Object convert(String v, LogicalType type, String key, FileInput file) {
        if (isNull(v)) return null;
        try {
            return switch (type.id()) {
                case BIGINT, INTEGER, SMALLINT, TINYINT -> Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
                case DOUBLE, REAL -> Double.parseDouble(v);
                case DATE -> DateTimes.parseDate(v);
                case TIMESTAMP -> DateTimes.parseTimestamp(v);
                case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "t", "1" -> true;
                    case "false", "f", "0" -> false;
                    default -> throw new NumberFormatException(v);
                };
                case VARCHAR -> v;
                default -> throw MallardException.Data.invalidArgument("hive partition " + key + " cannot be of type " + type);
            };
        } catch (RuntimeException e) {
            if (e instanceof MallardException m && !(e instanceof MallardException.Data)) throw m;
            throw MallardException.Data.invalidArgument("hive partition " + key + "='" + v + "' in " + file.name()
                    + " is not a " + type + "; fix hive_types or leave it out");
        }
    }

    /** The physical form {@link dev.mallard.vector.Vector#setObject} takes for {@code type}. */
    static boolean integral(TypeId id) {
        return id == TypeId.BIGINT || id == TypeId.INTEGER || id == TypeId.SMALLINT || id == TypeId.TINYINT;
    }
}
