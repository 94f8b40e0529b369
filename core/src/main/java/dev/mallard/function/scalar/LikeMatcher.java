package dev.mallard.function.scalar;

import dev.mallard.MallardException;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled SQL LIKE pattern: {@code %} matches any run of characters, {@code _} exactly one
 * (a code point), and an optional escape character makes the next character literal. There is no
 * default escape character (as in DuckDB: {@code 'a\%'} matches a backslash literally).
 *
 * <p>The pattern is split at {@code %} into segments. The first segment must match at the start,
 * the last at the end, and the middle ones are found left to right, each at its leftmost
 * occurrence — for LIKE, the leftmost choice never loses a match. Segments without {@code _} use
 * {@link String#startsWith}, {@link String#endsWith} and {@link String#indexOf}, so the common
 * shapes ('abc%', '%abc', '%abc%') cost one intrinsic call per row.
 */
final class LikeMatcher {
    /** One run between two {@code %}: literal text, with {@code wild[k]} marking {@code _} positions. */
    private record Segment(String text, boolean[] wild, boolean hasWild) {
        int codePoints() {
            return text.codePointCount(0, text.length());
        }
    }

    /** The common pattern shapes, each answered by one String call. */
    private enum Shape { EQUALS, PREFIX, SUFFIX, CONTAINS, GENERAL }

    private final Segment[] segments;
    /** True when the pattern has no {@code %}: the one segment must match the whole string. */
    private final boolean exact;
    private final Shape shape;
    /** The literal of the fast shapes ("abc" for 'abc%', '%abc', '%abc%', 'abc'). */
    private final String literal;

    private LikeMatcher(List<Segment> segments, boolean exact) {
        this.segments = segments.toArray(new Segment[0]);
        this.exact = exact;
        Shape sh = Shape.GENERAL;
        String lit = null;
        boolean wild = segments.stream().anyMatch(Segment::hasWild);
        int n = segments.size();
        if (!wild) {
            if (exact) {
                sh = Shape.EQUALS;
                lit = segments.get(0).text();
            } else if (n == 2 && segments.get(1).text().isEmpty()) {
                sh = Shape.PREFIX;
                lit = segments.get(0).text();
            } else if (n == 2 && segments.get(0).text().isEmpty()) {
                sh = Shape.SUFFIX;
                lit = segments.get(1).text();
            } else if (n == 3 && segments.get(0).text().isEmpty() && segments.get(2).text().isEmpty()) {
                sh = Shape.CONTAINS;
                lit = segments.get(1).text();
            }
        }
        this.shape = sh;
        this.literal = lit;
    }

    static LikeMatcher compile(String pattern, String escape) {
        if (escape != null && escape.codePointCount(0, escape.length()) > 1) {
            throw MallardException.Data.invalidArgument("Invalid escape string. Escape string must be empty or one character.");
        }
        int esc = escape == null || escape.isEmpty() ? -1 : escape.codePointAt(0);
        List<Segment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Boolean> wild = new ArrayList<>();
        boolean percent = false;
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == esc) {
                if (i >= pattern.length()) {
                    throw MallardException.Data.invalidArgument("Like pattern must not end with escape character!");
                }
                int next = pattern.codePointAt(i);
                i += Character.charCount(next);
                append(text, wild, next, false);
            } else if (cp == '%') {
                segments.add(segment(text, wild));
                text.setLength(0);
                wild.clear();
                percent = true;
            } else if (cp == '_') {
                append(text, wild, '_', true);
            } else {
                append(text, wild, cp, false);
            }
        }
        segments.add(segment(text, wild));
        return new LikeMatcher(segments, !percent);
    }

    private static void append(StringBuilder text, List<Boolean> wild, int cp, boolean isWild) {
        int before = text.length();
        text.appendCodePoint(cp);
        for (int k = before; k < text.length(); k++) wild.add(isWild);
    }

    private static Segment segment(StringBuilder text, List<Boolean> wild) {
        boolean[] w = new boolean[wild.size()];
        boolean any = false;
        for (int k = 0; k < w.length; k++) {
            w[k] = wild.get(k);
            any |= w[k];
        }
        return new Segment(text.toString(), w, any);
    }

    boolean matches(String s) {
        switch (shape) {
            case EQUALS:
                return s.equals(literal);
            case PREFIX:
                return s.startsWith(literal);
            case SUFFIX:
                return s.endsWith(literal);
            case CONTAINS:
                return s.contains(literal);
            default:
                return matchesGeneral(s);
        }
    }

    private boolean matchesGeneral(String s) {
        Segment[] segments = this.segments;
        if (exact) {
            int end = matchAt(segments[0], s, 0);
            return end == s.length();
        }
        Segment first = segments[0];
        Segment last = segments[segments.length - 1];
        int pos;
        if (first.hasWild) {
            pos = matchAt(first, s, 0);
            if (pos < 0) return false;
        } else {
            if (!s.startsWith(first.text)) return false;
            pos = first.text.length();
        }
        for (int k = 1; k < segments.length - 1; k++) {
            Segment seg = segments[k];
            if (seg.text.isEmpty()) continue;
            if (!seg.hasWild) {
                int at = s.indexOf(seg.text, pos);
                if (at < 0) return false;
                pos = at + seg.text.length();
            } else {
                pos = find(seg, s, pos);
                if (pos < 0) return false;
            }
        }
        // The last segment must end the string and must not overlap what is already matched.
        if (!last.hasWild) {
            return s.length() - pos >= last.text.length() && s.endsWith(last.text);
        }
        int start = startForSuffix(last, s);
        return start >= pos && matchAt(last, s, start) == s.length();
    }

    /** Matches a segment at {@code pos}; returns the end position or -1. {@code _} takes one code point. */
    private static int matchAt(Segment seg, String s, int pos) {
        String t = seg.text;
        int i = pos;
        for (int k = 0; k < t.length(); k++) {
            if (i >= s.length()) return -1;
            if (seg.wild[k]) {
                i += Character.charCount(s.codePointAt(i));
            } else {
                if (s.charAt(i) != t.charAt(k)) return -1;
                i++;
            }
        }
        return i;
    }

    /** Leftmost match of a segment at or after {@code from}; returns its end or -1. */
    private static int find(Segment seg, String s, int from) {
        for (int start = from; start < s.length(); start++) {
            int end = matchAt(seg, s, start);
            if (end >= 0) return end;
        }
        return -1;
    }

    /** Where a suffix segment must start so it ends at the end of s (counting code points for {@code _}). */
    private static int startForSuffix(Segment seg, String s) {
        int n = seg.codePoints();
        int i = s.length();
        for (int k = 0; k < n; k++) {
            if (i <= 0) return -1;
            i = s.offsetByCodePoints(i, -1);
        }
        return i;
    }
}
