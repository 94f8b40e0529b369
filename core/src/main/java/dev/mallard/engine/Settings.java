package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.planner.NameSuggestions;
import dev.mallard.types.LogicalType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A connection's settings (SET name = value), with their defaults and validation. Sessions of one
 * {@code dev.mallard.api.Database} share one instance (see {@link ClientContext#newSession()}), so
 * its methods are synchronized.
 */
final class Settings {
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        DEFAULTS.put("integer_division", "false");
        DEFAULTS.put("memory_limit", "60%");
        DEFAULTS.put("default_null_order", "nulls_last");
        DEFAULTS.put("enable_verification", "false");
        DEFAULTS.put("seed", "0");
        DEFAULTS.put("timezone", "UTC");
        DEFAULTS.put("search_path", "main");
        DEFAULTS.put("preserve_insertion_order", "true");
        DEFAULTS.put("enable_progress_bar", "false");
    }

    private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);

    synchronized void set(String name, Object value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) {
            throw MallardException.Catalog.undefinedFunction("unrecognized configuration parameter \"" + name + "\""
                    + NameSuggestions.hint(name, DEFAULTS.keySet()));
        }
        String text = value == null ? DEFAULTS.get(key) : String.valueOf(value);
        switch (key) {
            case "threads" -> {
                try {
                    int n = Integer.parseInt(text.trim());
                    if (n < 1) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw MallardException.Data.invalidArgument("threads must be a positive integer, got '" + text + "'");
                }
            }
            case "integer_division", "preserve_insertion_order", "enable_progress_bar", "enable_verification" ->
                    text = String.valueOf(parseBoolean(key, text));
            case "default_null_order" -> text = nullOrderOf(text).name().toLowerCase(Locale.ROOT);
            default -> { }
        }
        values.put(key, text);
    }

    synchronized void reset(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) set(name, null);
        values.put(key, DEFAULTS.get(key));
    }

    synchronized String get(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    synchronized int threads() {
        return Integer.parseInt(values.get("threads"));
    }

    synchronized boolean integerDivision() {
        return Boolean.parseBoolean(values.get("integer_division"));
    }

    synchronized dev.mallard.planner.BindContext.NullOrder nullOrder() {
        return nullOrderOf(values.get("default_null_order"));
    }

    private static dev.mallard.planner.BindContext.NullOrder nullOrderOf(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        return switch (t) {
            case "nulls_last", "last" -> dev.mallard.planner.BindContext.NullOrder.NULLS_LAST;
            case "nulls_first", "first" -> dev.mallard.planner.BindContext.NullOrder.NULLS_FIRST;
            case "nulls_first_on_asc_last_on_desc", "sqlite" -> dev.mallard.planner.BindContext.NullOrder.NULLS_FIRST_ON_ASC_LAST_ON_DESC;
            case "nulls_last_on_asc_first_on_desc", "postgres" -> dev.mallard.planner.BindContext.NullOrder.NULLS_LAST_ON_ASC_FIRST_ON_DESC;
            default -> throw MallardException.Data.invalidArgument("default_null_order must be nulls_first, nulls_last, "
                    + "nulls_first_on_asc_last_on_desc or nulls_last_on_asc_first_on_desc, got '" + text + "'");
        };
    }

    synchronized List<Object[]> rows() {
        return values.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList();
    }

    static List<LogicalType> rowTypes() {
        return List.of(LogicalType.VARCHAR, LogicalType.VARCHAR);
    }

    /** Heap a share-based memory_limit leaves to queries' own working memory (hash tables, row groups being read). */
    private static final long WORKING_MEMORY = 48L << 20;

    /**
     * memory_limit: a share of the heap ({@code 60%}) or a size ({@code 4GB}). A share leaves at
     * least {@link #WORKING_MEMORY} of the heap to queries (a small heap would otherwise fill up
     * with cached segments and fail the query reading them), but never goes under a quarter of it.
     */
    static long memoryLimit(String text) {
        String t = text.trim();
        if (t.endsWith("%")) {
            try {
                double share = Double.parseDouble(t.substring(0, t.length() - 1).trim());
                if (share <= 0 || share > 100) throw new NumberFormatException();
                long heap = Runtime.getRuntime().maxMemory();
                long byShare = (long) (heap * share / 100);
                return Math.max(Math.min(byShare, heap - WORKING_MEMORY), Math.min(byShare, heap / 4));
            } catch (NumberFormatException e) {
                throw MallardException.Data.invalidArgument("memory_limit takes a share of the heap such as 60% or a size such as 4GB, got '"
                        + text + "'");
            }
        }
        return bytes(t);
    }

    /** A size such as {@code 16MB}, {@code 1GiB} or {@code 4096} (bytes): DuckDB's units, KB = 1000, KiB = 1024. */
    static long bytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int split = 0;
        while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) split++;
        String unit = t.substring(split);
        long scale = switch (unit) {
            case "", "b", "byte", "bytes" -> 1;
            case "kb", "k" -> 1000L;
            case "mb", "m" -> 1000_000L;
            case "gb", "g" -> 1000_000_000L;
            case "tb", "t" -> 1000_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> -1;
        };
        try {
            if (scale < 0 || split == 0) throw new NumberFormatException();
            double v = Double.parseDouble(t.substring(0, split));
            return (long) (v * scale);
        } catch (NumberFormatException e) {
            throw MallardException.Data.invalidArgument("expected a size such as 16MB, 1GiB or 4096 (bytes), got '" + text + "'");
        }
    }

    private static boolean parseBoolean(String key, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "yes", "t" -> true;
            case "false", "0", "off", "no", "f" -> false;
            default -> throw MallardException.Data.invalidArgument(key + " must be true or false, got '" + text + "'");
        };
    }
}
