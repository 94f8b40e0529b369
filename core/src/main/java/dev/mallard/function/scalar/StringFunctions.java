package dev.mallard.function.scalar;

import static dev.mallard.function.Signature.ANY;
import static dev.mallard.types.TypeId.BIGINT;
import static dev.mallard.types.TypeId.DOUBLE;
import static dev.mallard.types.TypeId.INTEGER;
import static dev.mallard.types.TypeId.VARCHAR;

import dev.mallard.MallardException;
import dev.mallard.function.FunctionCatalog;
import dev.mallard.function.Kernels;
import dev.mallard.function.RowKernel;
import dev.mallard.function.ScalarFunction;
import dev.mallard.function.Signature;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * String functions, with DuckDB's semantics: positions and lengths count characters (code points),
 * 1-based; {@code substring} accepts zero and negative starts and negative lengths the way DuckDB
 * does; {@code concat} skips NULLs while {@code ||} is NULL when an operand is; functions taking
 * ANY (concat, concat_ws, format, printf) receive their arguments cast to VARCHAR by the binder.
 */
public final class StringFunctions {
    private StringFunctions() {}

    private static final LogicalType V = LogicalType.VARCHAR;

    public static void register(FunctionCatalog c) {
        text(c, "lower", (a, i, o) -> o.strings[i] = a[0].strings[i].toLowerCase(Locale.ROOT));
        text(c, "upper", (a, i, o) -> o.strings[i] = a[0].strings[i].toUpperCase(Locale.ROOT));
        c.alias("lcase", "lower");
        c.alias("ucase", "upper");
        c.addScalar("length", Signature.of(VARCHAR), LogicalType.BIGINT, Kernels.strict((a, i, o) -> o.longs[i] = Text.length(a[0].strings[i])));
        for (String alias : List.of("char_length", "character_length", "len")) c.alias(alias, "length");
        c.addScalar("strlen", Signature.of(VARCHAR), LogicalType.BIGINT, Kernels.strict((a, i, o) -> o.longs[i] = Text.utf8Length(a[0].strings[i])));
        c.alias("octet_length", "strlen");
        c.addScalar("bit_length", Signature.of(VARCHAR), LogicalType.BIGINT, Kernels.strict((a, i, o) -> o.longs[i] = 8 * Text.utf8Length(a[0].strings[i])));

        for (String name : List.of("trim", "ltrim", "rtrim")) {
            boolean left = !name.equals("rtrim"), right = !name.equals("ltrim");
            text(c, name, (a, i, o) -> o.strings[i] = trim(a[0].strings[i], null, left, right));
            c.addScalar(name, Signature.of(VARCHAR, VARCHAR), V, Kernels.strict((a, i, o) ->
                    o.strings[i] = trim(a[0].strings[i], a[1].strings[i], left, right)));
        }

        c.addScalar("substring", Signature.of(VARCHAR, BIGINT, BIGINT), V, Kernels.strict((a, i, o) ->
                o.strings[i] = substring(a[0].strings[i], a[1].longs[i], a[2].longs[i])));
        c.addScalar("substring", Signature.of(VARCHAR, BIGINT), V, Kernels.strict((a, i, o) ->
                o.strings[i] = substring(a[0].strings[i], a[1].longs[i], Long.MAX_VALUE / 4)));
        c.alias("substr", "substring");
        c.addScalar("left", Signature.of(VARCHAR, BIGINT), V, Kernels.strict((a, i, o) -> {
            String s = a[0].strings[i];
            long n = a[1].longs[i];
            o.strings[i] = n >= 0 ? Text.slice(s, 0, n) : Text.slice(s, 0, Text.length(s) + n);
        }));
        c.addScalar("right", Signature.of(VARCHAR, BIGINT), V, Kernels.strict((a, i, o) -> {
            String s = a[0].strings[i];
            long len = Text.length(s), n = a[1].longs[i];
            o.strings[i] = n >= 0 ? Text.slice(s, len - n, len) : Text.slice(s, -n, len);
        }));

        c.addScalar("||", Signature.of(VARCHAR, VARCHAR), V, Kernels.strict((a, i, o) -> o.strings[i] = a[0].strings[i].concat(a[1].strings[i])));
        c.addScalar("concat", Signature.variadic(ANY, ANY), StringFunctions::bindConcat);
        c.addScalar("concat_ws", Signature.variadic(VARCHAR, ANY), StringFunctions::bindConcatWs);

        c.addScalar("replace", Signature.of(VARCHAR, VARCHAR, VARCHAR), V, Kernels.strict((a, i, o) -> {
            String from = a[1].strings[i];
            o.strings[i] = from.isEmpty() ? a[0].strings[i] : a[0].strings[i].replace(from, a[2].strings[i]);
        }));
        c.addScalar("translate", Signature.of(VARCHAR, VARCHAR, VARCHAR), V, Kernels.strict((a, i, o) ->
                o.strings[i] = translate(a[0].strings[i], a[1].strings[i], a[2].strings[i])));
        c.addScalar("strpos", Signature.of(VARCHAR, VARCHAR), LogicalType.BIGINT, Kernels.strict((a, i, o) ->
                o.longs[i] = Text.position(a[0].strings[i], a[1].strings[i])));
        c.alias("instr", "strpos");
        // The parser turns position(needle IN haystack) into strpos(haystack, needle).
        c.alias("position", "strpos");
        c.addScalar("overlay", Signature.of(VARCHAR, VARCHAR, BIGINT), V, Kernels.strict((a, i, o) ->
                o.strings[i] = overlay(a[0].strings[i], a[1].strings[i], a[2].longs[i], Text.length(a[1].strings[i]))));
        c.addScalar("overlay", Signature.of(VARCHAR, VARCHAR, BIGINT, BIGINT), V, Kernels.strict((a, i, o) ->
                o.strings[i] = overlay(a[0].strings[i], a[1].strings[i], a[2].longs[i], a[3].longs[i])));
        predicate(c, "starts_with", (a, i, o) -> o.bools[i] = a[0].strings[i].startsWith(a[1].strings[i]));
        c.alias("prefix", "starts_with");
        c.alias("^@", "starts_with");
        predicate(c, "ends_with", (a, i, o) -> o.bools[i] = a[0].strings[i].endsWith(a[1].strings[i]));
        c.alias("suffix", "ends_with");
        predicate(c, "contains", (a, i, o) -> o.bools[i] = a[0].strings[i].contains(a[1].strings[i]));

        c.addScalar("lpad", Signature.of(VARCHAR, INTEGER, VARCHAR), V, Kernels.strict((a, i, o) ->
                o.strings[i] = pad(a[0].strings[i], a[1].ints[i], a[2].strings[i], true)));
        c.addScalar("rpad", Signature.of(VARCHAR, INTEGER, VARCHAR), V, Kernels.strict((a, i, o) ->
                o.strings[i] = pad(a[0].strings[i], a[1].ints[i], a[2].strings[i], false)));
        c.addScalar("repeat", Signature.of(VARCHAR, BIGINT), V, Kernels.strict((a, i, o) -> {
            long n = a[1].longs[i];
            String s = a[0].strings[i];
            if (n > 0 && (long) s.length() * n > Integer.MAX_VALUE / 2) {
                throw MallardException.Data.outOfRange("repeat result of " + s.length() * n + " characters is too large");
            }
            o.strings[i] = n <= 0 ? "" : s.repeat((int) n);
        }));
        text(c, "reverse", (a, i, o) -> o.strings[i] = new StringBuilder(a[0].strings[i]).reverse().toString());
        c.addScalar("split_part", Signature.of(VARCHAR, VARCHAR, BIGINT), V, Kernels.strict((a, i, o) ->
                o.strings[i] = splitPart(a[0].strings[i], a[1].strings[i], a[2].longs[i])));
        c.addScalar("ascii", Signature.of(VARCHAR), LogicalType.INTEGER, Kernels.strict((a, i, o) -> {
            String s = a[0].strings[i];
            o.ints[i] = s.isEmpty() ? 0 : s.codePointAt(0);
        }));
        c.addScalar("chr", Signature.of(INTEGER), V, Kernels.strict((a, i, o) -> {
            int cp = a[0].ints[i];
            if (cp < 0 || cp > Character.MAX_CODE_POINT) throw MallardException.Data.invalidArgument("Invalid UTF8 Codepoint " + cp);
            o.strings[i] = Character.toString(cp);
        }));
        text(c, "md5", (a, i, o) -> o.strings[i] = digest("MD5", a[0].strings[i]));
        text(c, "sha256", (a, i, o) -> o.strings[i] = digest("SHA-256", a[0].strings[i]));
        text(c, "sha1", (a, i, o) -> o.strings[i] = digest("SHA-1", a[0].strings[i]));
        text(c, "to_hex", (a, i, o) -> o.strings[i] = HexFormat.of().withUpperCase().formatHex(a[0].strings[i].getBytes(StandardCharsets.UTF_8)));
        c.addScalar("to_hex", Signature.of(BIGINT), V, Kernels.strict((a, i, o) -> o.strings[i] = Long.toHexString(a[0].longs[i]).toUpperCase(Locale.ROOT)));
        c.alias("hex", "to_hex");
        c.addScalar("jaro_similarity", Signature.of(VARCHAR, VARCHAR), LogicalType.DOUBLE, Kernels.strict((a, i, o) ->
                o.doubles[i] = Similarity.jaro(a[0].strings[i], a[1].strings[i])));
        c.addScalar("jaro_winkler_similarity", Signature.of(VARCHAR, VARCHAR), LogicalType.DOUBLE, Kernels.strict((a, i, o) ->
                o.doubles[i] = Similarity.jaroWinkler(a[0].strings[i], a[1].strings[i])));
        // With a score cutoff: similarities below it count as 0.
        c.addScalar("jaro_similarity", Signature.of(VARCHAR, VARCHAR, DOUBLE), LogicalType.DOUBLE, Kernels.strict((a, i, o) ->
                o.doubles[i] = Similarity.cutoff(Similarity.jaro(a[0].strings[i], a[1].strings[i]), a[2].doubles[i])));
        c.addScalar("jaro_winkler_similarity", Signature.of(VARCHAR, VARCHAR, DOUBLE), LogicalType.DOUBLE, Kernels.strict((a, i, o) ->
                o.doubles[i] = Similarity.cutoff(Similarity.jaroWinkler(a[0].strings[i], a[1].strings[i]), a[2].doubles[i])));
        c.addScalar("mismatches", Signature.of(VARCHAR, VARCHAR), LogicalType.BIGINT, Kernels.strict((a, i, o) ->
                o.longs[i] = Similarity.hamming(a[0].strings[i], a[1].strings[i])));
        c.alias("hamming", "mismatches");
        // array_slice / list slicing on strings: 1-based inclusive bounds, negative counts from the end.
        c.addScalar("array_slice", Signature.of(VARCHAR, BIGINT, BIGINT), V, Kernels.strict((a, i, o) ->
                o.strings[i] = slice(a[0].strings[i], a[1].longs[i], a[2].longs[i])));
        c.addScalar("levenshtein", Signature.of(VARCHAR, VARCHAR), LogicalType.BIGINT, Kernels.strict((a, i, o) ->
                o.longs[i] = levenshtein(a[0].strings[i], a[1].strings[i])));
        c.alias("editdist3", "levenshtein");
        c.addScalar("format", Signature.variadic(VARCHAR, ANY), (n, args) -> textArgs(n, args, (a, i, o) ->
                o.strings[i] = Formats.format(a[0].strings[i], a, i)));
        c.addScalar("printf", Signature.variadic(VARCHAR, ANY), StringFunctions::bindPrintf);
    }

    private static void text(FunctionCatalog c, String name, RowKernel body) {
        c.addScalar(name, Signature.of(VARCHAR), V, Kernels.strict(body));
    }

    private static void predicate(FunctionCatalog c, String name, RowKernel body) {
        c.addScalar(name, Signature.of(VARCHAR, VARCHAR), LogicalType.BOOLEAN, Kernels.strict(body));
    }

    /** A function over VARCHAR arguments only: the binder casts every argument to VARCHAR. */
    private static ScalarFunction textArgs(String name, List<LogicalType> args, RowKernel body) {
        return new ScalarFunction(name, Collections.nCopies(args.size(), V), V, Kernels.strict(body), true);
    }

    /** concat: NULL arguments are skipped, so the result is never NULL. */
    private static ScalarFunction bindConcat(String name, List<LogicalType> args) {
        RowKernel body = (a, i, o) -> {
            StringBuilder sb = new StringBuilder();
            for (var v : a) {
                if (!v.isNull(i)) sb.append(v.strings[i]);
            }
            o.strings[i] = sb.toString();
        };
        return new ScalarFunction(name, Collections.nCopies(args.size(), V), V, Kernels.lenient(body), true);
    }

    /** concat_ws: NULL separator gives NULL; NULL values are skipped. */
    private static ScalarFunction bindConcatWs(String name, List<LogicalType> args) {
        RowKernel body = (a, i, o) -> {
            if (a[0].isNull(i)) {
                o.setNull(i);
                return;
            }
            String sep = a[0].strings[i];
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (int k = 1; k < a.length; k++) {
                if (a[k].isNull(i)) continue;
                if (!first) sb.append(sep);
                sb.append(a[k].strings[i]);
                first = false;
            }
            o.strings[i] = sb.toString();
        };
        return new ScalarFunction(name, Collections.nCopies(args.size(), V), V, Kernels.lenient(body), true);
    }

    /** printf keeps numeric arguments typed so %d and %f work; other arguments arrive as text. */
    private static ScalarFunction bindPrintf(String name, List<LogicalType> args) {
        List<LogicalType> kernelTypes = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            LogicalType t = args.get(k);
            boolean keep = k > 0 && (t.isInteger() || t.id() == TypeId.DOUBLE || t.id() == TypeId.REAL || t.isDecimal()
                    || t.id() == TypeId.BOOLEAN);
            kernelTypes.add(keep ? t : V);
        }
        RowKernel body = (a, i, o) -> o.strings[i] = Formats.printf(a[0].strings[i], a, i);
        return new ScalarFunction(name, kernelTypes, V, Kernels.strict(body), true);
    }

    static String trim(String s, String chars, boolean left, boolean right) {
        int start = 0, end = s.length();
        if (chars == null) {
            while (left && start < end && s.charAt(start) == ' ') start++;
            while (right && end > start && s.charAt(end - 1) == ' ') end--;
        } else {
            while (left && start < end && chars.indexOf(s.codePointAt(start)) >= 0) start += Character.charCount(s.codePointAt(start));
            while (right && end > start && chars.indexOf(s.codePointBefore(end)) >= 0) end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /**
     * DuckDB's substring: a start of 1 is the first character, 0 the position before it, and a
     * negative start counts from the end; a negative length takes characters before the start.
     */
    static String substring(String s, long start, long length) {
        long len = Text.length(s);
        long from = start > 0 ? start - 1 : start == 0 ? -1 : len + start;
        long to;
        if (length >= 0) {
            to = from + length;
        } else {
            to = from;
            from = from + length;
        }
        return Text.slice(s, Math.max(from, 0), Math.max(to, 0));
    }

    static String pad(String s, int length, String fill, boolean left) {
        int have = Text.length(s);
        if (length <= 0) return "";
        if (have >= length) return Text.slice(s, 0, length);
        if (fill.isEmpty()) throw MallardException.Data.invalidArgument("Insufficient padding in " + (left ? "LPAD" : "RPAD") + ".");
        StringBuilder padding = new StringBuilder();
        int need = length - have;
        int fillLen = Text.length(fill);
        while (need >= fillLen) {
            padding.append(fill);
            need -= fillLen;
        }
        padding.append(Text.slice(fill, 0, need));
        return left ? padding + s : s + padding;
    }

    /** The n-th field (1-based; negative counts from the end; 0 or out of range gives ''). Empty delimiter splits characters. */
    static String splitPart(String s, String delimiter, long n) {
        List<String> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(Character.toString(cp)));
        } else {
            int from = 0;
            while (true) {
                int at = s.indexOf(delimiter, from);
                if (at < 0) {
                    parts.add(s.substring(from));
                    break;
                }
                parts.add(s.substring(from, at));
                from = at + delimiter.length();
            }
        }
        long idx = n > 0 ? n - 1 : n < 0 ? parts.size() + n : -1;
        return idx >= 0 && idx < parts.size() ? parts.get((int) idx) : "";
    }

    /** s[begin:end] with DuckDB's list-slice rules: 1-based, inclusive, negative positions count from the end, 0 is the start. */
    static String slice(String s, long begin, long end) {
        long len = Text.length(s);
        long from = begin < 0 ? len + begin : Math.max(begin - 1, 0);
        long to = end < 0 ? len + end + 1 : Math.min(end, len);
        return from >= to ? "" : Text.slice(s, from, to);
    }

    /** PostgreSQL's overlay: s with {@code count} characters from 1-based {@code start} replaced by r. */
    static String overlay(String s, String r, long start, long count) {
        long len = Text.length(s);
        long from = Math.max(start - 1, 0);
        return Text.slice(s, 0, from) + r + Text.slice(s, from + Math.max(count, 0), len);
    }

    static String translate(String s, String from, String to) {
        StringBuilder sb = new StringBuilder(s.length());
        int[] f = from.codePoints().toArray();
        int[] t = to.codePoints().toArray();
        s.codePoints().forEach(cp -> {
            int k = 0;
            while (k < f.length && f[k] != cp) k++;
            if (k == f.length) sb.appendCodePoint(cp);
            else if (k < t.length) sb.appendCodePoint(t[k]);
        });
        return sb.toString();
    }

    private static String digest(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new MallardException.Internal("no " + algorithm + " in this JVM", e);
        }
    }

    static long levenshtein(String a, String b) {
        int[] x = a.codePoints().toArray(), y = b.codePoints().toArray();
        int[] prev = new int[y.length + 1], cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) prev[j] = j;
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length; j++) {
                cur[j] = Math.min(prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1), Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[y.length];
    }
}
