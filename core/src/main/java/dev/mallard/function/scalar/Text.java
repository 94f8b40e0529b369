package dev.mallard.function.scalar;

/**
 * Code-point helpers for string functions: SQL counts characters, Java strings count UTF-16 units.
 * Strings without surrogate pairs (nearly all) take the direct index path.
 */
final class Text {
    private Text() {}

    /** True when every character is one UTF-16 unit, so char indexes are character positions. */
    static boolean isSimple(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.isSurrogate(s.charAt(k))) return false;
        }
        return true;
    }

    /** Number of characters (code points). */
    static int length(String s) {
        return isSimple(s) ? s.length() : s.codePointCount(0, s.length());
    }

    /** Characters [from, to) by character position, clamped to the string. */
    static String slice(String s, long from, long to) {
        if (isSimple(s)) {
            int n = s.length();
            int a = (int) Math.max(0, Math.min(from, n));
            int b = (int) Math.max(a, Math.min(to, n));
            return s.substring(a, b);
        }
        int n = s.codePointCount(0, s.length());
        int a = (int) Math.max(0, Math.min(from, n));
        int b = (int) Math.max(a, Math.min(to, n));
        int start = s.offsetByCodePoints(0, a);
        int end = s.offsetByCodePoints(start, b - a);
        return s.substring(start, end);
    }

    /** UTF-8 byte length without encoding the string. */
    static long utf8Length(String s) {
        long n = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                n += 4;
                k++;
            } else n += 3;
        }
        return n;
    }

    /** 1-based character position of the first occurrence of {@code sub}, 0 when absent. */
    static long position(String s, String sub) {
        int at = s.indexOf(sub);
        if (at < 0) return 0;
        return (isSimple(s) ? at : s.codePointCount(0, at)) + 1;
    }
}
