package dev.mallard.jdbc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code DatabaseMetaData} name pattern: {@code %} matches any run of characters, {@code _} one
 * character, and {@code \} escapes either. Matching ignores case, as Mallard's names do. A null
 * pattern matches everything.
 */
final class NamePattern {
    private final Pattern regex;

    private NamePattern(Pattern regex) {
        this.regex = regex;
    }

    static NamePattern of(String pattern) {
        if (pattern == null || pattern.equals("%")) return new NamePattern(null);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new NamePattern(Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    boolean matches(String name) {
        return regex == null || name != null && regex.matcher(name).matches();
    }

    /** Exact (non-pattern) name arguments such as getPrimaryKeys' table: null matches anything. */
    static boolean sameName(String wanted, String name) {
        return wanted == null || name != null && wanted.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }
}
