package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.planner.NameSuggestions;
import java.util.Collection;
import java.util.Locale;

/**
 * Table and column names as people write them: trimmed, matched case-insensitively, and checked once
 * here so that every backend accepts them (PostgreSQL cuts identifiers at 63 bytes; a double quote
 * or a control character would only ever be a mistake in a key).
 */
final class Names {
    private Names() {}

    static final int MAX_BYTES = 63;

    /** {@code raw} trimmed, or an error saying what is wrong with it and how to fix it. */
    static String clean(String raw, String what) {
        if (raw == null) throw invalid(what, "null", "a name is required");
        String name = raw.strip();
        if (name.isEmpty()) throw invalid(what, "\"" + raw + "\"", "it is empty");
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid(what, "\"" + name + "\"", "it is longer than " + MAX_BYTES + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || Character.isISOControl(c)) {
                throw invalid(what, "\"" + name.replace("\n", "\\n") + "\"", "it contains " + (c == '"' ? "a double quote" : "a control character"));
            }
        }
        return name;
    }

    private static MallardException invalid(String what, String shown, String why) {
        return MallardException.Data.invalidArgument("invalid " + what + " name " + shown + ": " + why
                + "; use 1 to " + MAX_BYTES + " bytes of text without double quotes or control characters");
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The error for a name that is not among {@code known}, naming the closest one. */
    static MallardException unknownColumn(String table, String name, Collection<String> known) {
        String closest = NameSuggestions.closest(name, known);
        return MallardException.Catalog.undefinedColumn("table \"" + table + "\" has no column \"" + name + "\""
                + (closest == null ? "" : "; the closest is \"" + closest + "\"") + " (its columns: " + String.join(", ", known) + ")");
    }
}
