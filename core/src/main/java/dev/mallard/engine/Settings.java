package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.planner.NameSuggestions;
import dev.mallard.types.LogicalType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A connection's settings (SET name = value), with their defaults and validation. */
final class Settings {
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        DEFAULTS.put("integer_division", "false");
        DEFAULTS.put("memory_limit", "80%");
        DEFAULTS.put("default_order", "asc");
        DEFAULTS.put("timezone", "UTC");
        DEFAULTS.put("search_path", "main");
        DEFAULTS.put("preserve_insertion_order", "true");
        DEFAULTS.put("enable_progress_bar", "false");
    }

    private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);

    void set(String name, Object value) {
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
            case "integer_division", "preserve_insertion_order", "enable_progress_bar" -> text = String.valueOf(parseBoolean(key, text));
            default -> { }
        }
        values.put(key, text);
    }

    void reset(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) set(name, null);
        values.put(key, DEFAULTS.get(key));
    }

    String get(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    int threads() {
        return Integer.parseInt(values.get("threads"));
    }

    boolean integerDivision() {
        return Boolean.parseBoolean(values.get("integer_division"));
    }

    List<Object[]> rows() {
        return values.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList();
    }

    static List<LogicalType> rowTypes() {
        return List.of(LogicalType.VARCHAR, LogicalType.VARCHAR);
    }

    private static boolean parseBoolean(String key, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "yes", "t" -> true;
            case "false", "0", "off", "no", "f" -> false;
            default -> throw MallardException.Data.invalidArgument(key + " must be true or false, got '" + text + "'");
        };
    }
}
