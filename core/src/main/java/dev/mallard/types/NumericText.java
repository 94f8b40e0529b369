package dev.mallard.types;

import dev.mallard.vector.Int128;

/**
 * How numbers print, matching DuckDB: floating point values use the shortest digits that read back
 * to the same value, in positional form for decimal exponents -4..15 and scientific form otherwise
 * ({@code 0.1}, {@code 100.0}, {@code 1e+20}, {@code 1e-05}, {@code nan}, {@code inf}); decimals print
 * exactly {@code scale} fraction digits.
 */
public final class NumericText {
    private NumericText() {}

    public static String formatDouble(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        // Since JDK 19 Double.toString yields the shortest decimal that rounds back to v, except that it
        // always shows two digits ("4.9E-324"): try the one-digit form for those.
        String java = Double.toString(Math.abs(v));
        String shorter = oneDigit(java);
        if (shorter != null && Double.parseDouble(shorter) == Math.abs(v)) java = shorter;
        return reformat(java, v < 0);
    }

    public static String formatFloat(float v) {
        if (Float.isNaN(v)) return "nan";
        if (Float.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        String java = Float.toString(Math.abs(v));
        String shorter = oneDigit(java);
        if (shorter != null && Float.parseFloat(shorter) == Math.abs(v)) java = shorter;
        return reformat(java, v < 0);
    }

    /** "4.9E-324" → "5E-324": the one-significant-digit rounding of a two-digit scientific form, else null. */
    private static String oneDigit(String javaText) {
        int e = javaText.indexOf('E');
        if (e != 3 || javaText.charAt(1) != '.' || javaText.charAt(2) == '0') return null;
        int d = javaText.charAt(0) - '0';
        int next = javaText.charAt(2) - '0';
        int exp = Integer.parseInt(javaText.substring(e + 1));
        if (next >= 5) d++;
        if (d == 10) {
            d = 1;
            exp++;
        }
        return d + "E" + exp;
    }

    /** Rewrites Java's "d.dddE±n" or "ddd.ddd" into Python/DuckDB style. */
    private static String reformat(String javaText, boolean negative) {
        int e = javaText.indexOf('E');
        String mantissa = e < 0 ? javaText : javaText.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(javaText.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String intPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String fracPart = dot < 0 ? "" : mantissa.substring(dot + 1);
        // value = 0.DIGITS × 10^pointPos after stripping leading zeros.
        StringBuilder digits = new StringBuilder(intPart).append(fracPart);
        int pointPos = intPart.length() + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') lead++;
        digits.delete(0, lead);
        pointPos -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        digits.setLength(end);
        int sciExponent = pointPos - 1;
        StringBuilder out = new StringBuilder(24);
        if (negative) out.append('-');
        if (sciExponent >= -4 && sciExponent < 16) {
            if (pointPos <= 0) {
                out.append("0.");
                for (int i = 0; i < -pointPos; i++) out.append('0');
                out.append(digits);
            } else if (pointPos >= digits.length()) {
                out.append(digits);
                for (int i = digits.length(); i < pointPos; i++) out.append('0');
                out.append(".0");
            } else {
                out.append(digits, 0, pointPos).append('.').append(digits, pointPos, digits.length());
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) out.append('.').append(digits, 1, digits.length());
            out.append('e').append(sciExponent < 0 ? '-' : '+');
            int abs = Math.abs(sciExponent);
            if (abs < 10) out.append('0');
            out.append(abs);
        }
        return out.toString();
    }

    /** An unscaled decimal as text with exactly {@code scale} fraction digits. */
    public static String formatDecimal(long unscaled, int scale) {
        if (scale == 0) return Long.toString(unscaled);
        return insertPoint(Long.toString(unscaled), scale);
    }

    /** A 128-bit unscaled decimal as text. */
    public static String formatDecimal(long high, long low, int scale) {
        String s = Int128.toString(high, low);
        return scale == 0 ? s : insertPoint(s, scale);
    }

    private static String insertPoint(String s, int scale) {
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        StringBuilder sb = new StringBuilder(digits.length() + 3);
        if (negative) sb.append('-');
        if (digits.length() <= scale) {
            sb.append("0.");
            for (int i = digits.length(); i < scale; i++) sb.append('0');
            sb.append(digits);
        } else {
            int point = digits.length() - scale;
            sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return sb.toString();
    }
}
