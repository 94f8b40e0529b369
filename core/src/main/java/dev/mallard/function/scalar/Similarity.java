package dev.mallard.function.scalar;

import dev.mallard.MallardException;

/** Hamming distance, and Jaro and Jaro–Winkler string similarity (0 = nothing in common, 1 = equal; empty strings give 0 as in DuckDB), over code points. */
final class Similarity {
    private Similarity() {}

    static double jaro(String a, String b) {
        int[] x = a.codePoints().toArray(), y = b.codePoints().toArray();
        if (x.length == 0 || y.length == 0) return 0.0;
        int window = Math.max(0, Math.max(x.length, y.length) / 2 - 1);
        boolean[] xm = new boolean[x.length], ym = new boolean[y.length];
        int matches = 0;
        for (int i = 0; i < x.length; i++) {
            int from = Math.max(0, i - window), to = Math.min(y.length - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!ym[j] && x[i] == y[j]) {
                    xm[i] = ym[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) return 0.0;
        int transpositions = 0;
        for (int i = 0, j = 0; i < x.length; i++) {
            if (!xm[i]) continue;
            while (!ym[j]) j++;
            if (x[i] != y[j]) transpositions++;
            j++;
        }
        double m = matches;
        return (m / x.length + m / y.length + (m - transpositions / 2.0) / m) / 3.0;
    }

    /** Jaro similarity boosted for a common prefix of up to four characters (scaling 0.1, threshold 0.7). */
    static double jaroWinkler(String a, String b) {
        double j = jaro(a, b);
        if (j <= 0.7) return j;
        int prefix = 0;
        int[] x = a.codePoints().toArray(), y = b.codePoints().toArray();
        while (prefix < Math.min(4, Math.min(x.length, y.length)) && x[prefix] == y[prefix]) prefix++;
        return j + prefix * 0.1 * (1 - j);
    }

    static double cutoff(double similarity, double minimum) {
        return similarity >= minimum ? similarity : 0.0;
    }

    /** Positions at which two equally long strings differ (characters are code points). */
    static long hamming(String a, String b) {
        int[] x = a.codePoints().toArray(), y = b.codePoints().toArray();
        if (x.length != y.length) {
            throw MallardException.Data.invalidArgument("mismatches: the strings must be of equal length, got "
                    + x.length + " and " + y.length + " characters");
        }
        long n = 0;
        for (int k = 0; k < x.length; k++) {
            if (x[k] != y[k]) n++;
        }
        return n;
    }
}
