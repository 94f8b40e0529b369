package dev.mallard.function.scalar;

import static dev.mallard.types.TypeId.BIGINT;
import static dev.mallard.types.TypeId.VARCHAR;

import dev.mallard.MallardException;
import dev.mallard.function.FunctionCatalog;
import dev.mallard.function.Kernels;
import dev.mallard.function.RowKernel;
import dev.mallard.function.ScalarKernel;
import dev.mallard.function.Signature;
import dev.mallard.types.LogicalType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Pattern matching: LIKE ({@code ~~}, {@code !~~}, with an optional ESCAPE argument), ILIKE
 * ({@code ~~*}, {@code !~~*}), GLOB, SIMILAR TO and the regular expression functions
 * regexp_matches, regexp_full_match, regexp_replace and regexp_extract. Every kernel compiles its
 * pattern once per distinct pattern string ({@link LastCompiled}).
 *
 * <p>Regular expressions use {@link java.util.regex} syntax, which agrees with DuckDB's RE2 for the
 * common constructs; replacement strings use RE2's {@code \1} for groups. Options: {@code i}
 * case-insensitive, {@code c} case-sensitive, {@code s} dot matches newline, {@code m}/{@code n}/{@code p}
 * multi-line, {@code g} replace every match.
 */
public final class PatternFunctions {
    private PatternFunctions() {}

    public static void register(FunctionCatalog c) {
        for (boolean negated : new boolean[] {false, true}) {
            for (boolean ignoreCase : new boolean[] {false, true}) {
                String name = (negated ? "!" : "") + "~~" + (ignoreCase ? "*" : "");
                c.addScalar(name, Signature.of(VARCHAR, VARCHAR), LogicalType.BOOLEAN, like(negated, ignoreCase, false));
                c.addScalar(name, Signature.of(VARCHAR, VARCHAR, VARCHAR), LogicalType.BOOLEAN, like(negated, ignoreCase, true));
            }
        }
        c.alias("like", "~~");
        c.alias("not_like", "!~~");
        c.alias("ilike", "~~*");
        c.alias("not_ilike", "!~~*");
        c.alias("like_escape", "~~");

        c.addScalar("glob", Signature.of(VARCHAR, VARCHAR), LogicalType.BOOLEAN, regexPredicate(PatternFunctions::globToRegex, true, false));
        c.addScalar("similar_to", Signature.of(VARCHAR, VARCHAR), LogicalType.BOOLEAN, regexPredicate(p -> regex(p, ""), true, false));
        c.addScalar("!similar_to", Signature.of(VARCHAR, VARCHAR), LogicalType.BOOLEAN, regexPredicate(p -> regex(p, ""), true, true));
        c.addScalar("regexp_matches", Signature.of(VARCHAR, VARCHAR), LogicalType.BOOLEAN, regexPredicate(p -> regex(p, ""), false, false));
        c.addScalar("regexp_matches", Signature.of(VARCHAR, VARCHAR, VARCHAR), LogicalType.BOOLEAN, regexWithOptions(false));
        c.addScalar("regexp_full_match", Signature.of(VARCHAR, VARCHAR), LogicalType.BOOLEAN, regexPredicate(p -> regex(p, ""), true, false));
        c.addScalar("regexp_full_match", Signature.of(VARCHAR, VARCHAR, VARCHAR), LogicalType.BOOLEAN, regexWithOptions(true));
        c.addScalar("regexp_replace", Signature.of(VARCHAR, VARCHAR, VARCHAR), LogicalType.VARCHAR, replace(false));
        c.addScalar("regexp_replace", Signature.of(VARCHAR, VARCHAR, VARCHAR, VARCHAR), LogicalType.VARCHAR, replace(true));
        c.addScalar("regexp_extract", Signature.of(VARCHAR, VARCHAR), LogicalType.VARCHAR, extract(false));
        c.addScalar("regexp_extract", Signature.of(VARCHAR, VARCHAR, BIGINT), LogicalType.VARCHAR, extract(true));
    }

    private static ScalarKernel like(boolean negated, boolean ignoreCase, boolean withEscape) {
        // The cache key is the pattern; with ESCAPE the key also carries the escape (rarely varies).
        LastCompiled<LikeMatcher> cache = new LastCompiled<>(key -> {
            int sep = key.indexOf('\u0000');
            String pattern = withEscape ? key.substring(sep + 1) : key;
            String escape = withEscape ? key.substring(0, sep) : null;
            return LikeMatcher.compile(ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern, escape);
        });
        RowKernel body = (a, i, o) -> {
            String s = a[0].strings[i];
            String p = a[1].strings[i];
            LikeMatcher m = cache.get(withEscape ? a[2].strings[i] + '\u0000' + p : p);
            boolean r = m.matches(ignoreCase ? s.toLowerCase(Locale.ROOT) : s);
            o.bools[i] = r != negated;
        };
        return Kernels.strict(body);
    }

    static Pattern regex(String pattern, String options) {
        int flags = 0;
        for (char ch : options.toCharArray()) {
            switch (ch) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'c' -> flags &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case 's' -> flags |= Pattern.DOTALL;
                case 'm', 'n', 'p' -> flags |= Pattern.MULTILINE;
                case 'l', 'g' -> { }
                default -> throw MallardException.Data.invalidArgument("Unrecognized regex option " + ch);
            }
        }
        try {
            return Pattern.compile(pattern, flags);
        } catch (PatternSyntaxException e) {
            throw MallardException.Data.invalidArgument("Invalid regular expression '" + pattern + "': " + e.getDescription());
        }
    }

    private static ScalarKernel regexPredicate(java.util.function.Function<String, Pattern> compile,
                                                                    boolean full, boolean negated) {
        LastCompiled<Pattern> cache = new LastCompiled<>(compile);
        return Kernels.strict((a, i, o) -> {
            Matcher m = cache.get(a[1].strings[i]).matcher(a[0].strings[i]);
            o.bools[i] = (full ? m.matches() : m.find()) != negated;
        });
    }

    private static ScalarKernel regexWithOptions(boolean full) {
        LastCompiled<Pattern> cache = new LastCompiled<>(PatternFunctions::regexWithOptionsKey);
        return Kernels.strict((a, i, o) -> {
            Matcher m = cache.get(a[2].strings[i] + '\u0000' + a[1].strings[i]).matcher(a[0].strings[i]);
            o.bools[i] = full ? m.matches() : m.find();
        });
    }

    private static Pattern regexWithOptionsKey(String key) {
        int sep = key.indexOf('\u0000');
        return regex(key.substring(sep + 1), key.substring(0, sep));
    }

    private static ScalarKernel replace(boolean withOptions) {
        LastCompiled<Pattern> withOpts = new LastCompiled<>(PatternFunctions::regexWithOptionsKey);
        LastCompiled<Pattern> plain = new LastCompiled<>(p -> regex(p, ""));
        LastCompiled<String> replacements = new LastCompiled<>(PatternFunctions::javaReplacement);
        return Kernels.strict((a, i, o) -> {
            String options = withOptions ? a[3].strings[i] : "";
            Pattern p = withOptions ? withOpts.get(options + '\u0000' + a[1].strings[i]) : plain.get(a[1].strings[i]);
            Matcher m = p.matcher(a[0].strings[i]);
            String repl = replacements.get(a[2].strings[i]);
            o.strings[i] = options.indexOf('g') >= 0 ? m.replaceAll(repl) : m.replaceFirst(repl);
        });
    }

    /** RE2 replacement text ({@code \1}, {@code \\}) → Java's ({@code $1}, {@code \$}). */
    static String javaReplacement(String re2) {
        StringBuilder sb = new StringBuilder(re2.length());
        for (int k = 0; k < re2.length(); k++) {
            char ch = re2.charAt(k);
            if (ch == '\\' && k + 1 < re2.length()) {
                char next = re2.charAt(++k);
                if (Character.isDigit(next)) sb.append('$').append(next);
                else sb.append('\\').append(next);
            } else if (ch == '$') {
                sb.append("\\$");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static ScalarKernel extract(boolean withGroup) {
        LastCompiled<Pattern> cache = new LastCompiled<>(p -> regex(p, ""));
        return Kernels.strict((a, i, o) -> {
            Matcher m = cache.get(a[1].strings[i]).matcher(a[0].strings[i]);
            int group = withGroup ? (int) a[2].longs[i] : 0;
            if (group < 0 || group > m.groupCount()) {
                throw MallardException.Data.invalidArgument("Pattern has " + m.groupCount() + " groups. Cannot access group " + group);
            }
            String g = m.find() ? m.group(group) : "";
            o.strings[i] = g == null ? "" : g;
        });
    }

    /** GLOB: {@code *} any run, {@code ?} one character, {@code [...]} a class; matches the whole string. */
    static Pattern globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < glob.length(); k++) {
            char ch = glob.charAt(k);
            switch (ch) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', k + 1);
                    if (close < 0) {
                        sb.append("\\[");
                    } else {
                        String cls = glob.substring(k + 1, close);
                        if (cls.startsWith("!")) cls = "^" + cls.substring(1);
                        sb.append('[').append(cls.replace("\\", "\\\\")).append(']');
                        k = close;
                    }
                }
                case '\\' -> {
                    if (k + 1 < glob.length()) sb.append(Pattern.quote(String.valueOf(glob.charAt(++k))));
                }
                default -> sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}
