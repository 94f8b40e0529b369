package dev.mallard.planner;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" for misspelt names: the candidate at the smallest edit distance. */
public final class NameSuggestions {
    private NameSuggestions() {}

    /** The closest candidate within a distance that still looks like a typo, or null. */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            String cl = c.toLowerCase(Locale.ROOT);
            int d = distance(lower, cl);
            int dot = cl.lastIndexOf('.');
            if (dot >= 0) d = Math.min(d, distance(lower, cl.substring(dot + 1)));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) return null;
        int limit = Math.max(2, name.length() / 2);
        return bestDistance <= limit ? best : null;
    }

    /** Appends " Did you mean "x"?" when a close candidate exists. */
    public static String hint(String name, Collection<String> candidates) {
        String c = closest(name, candidates);
        return c == null ? "" : "\nDid you mean \"" + c + "\"?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
