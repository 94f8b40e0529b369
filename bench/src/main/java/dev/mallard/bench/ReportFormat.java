package dev.mallard.bench;

import dev.mallard.bench.QuerySuite.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/** How the Markdown reports write their figures, so the benchmarks' tables read alike. */
final class ReportFormat {
    private ReportFormat() {}

    /** A query's median in ms with its note, its status when it has no time, blank when not run. */
    static String time(Cell c) {
        if (c == null) return "";
        if (!c.ok()) return c.status();
        return String.format(Locale.ROOT, "%.1f", c.medianMs()) + (c.note() == null ? "" : " (" + c.note() + ")");
    }

    /** measured / base to two places, blank unless both have a time. */
    static String ratio(Cell measured, Cell base) {
        return measured != null && base != null && measured.ok() && base.ok()
                ? String.format(Locale.ROOT, "%.2f", measured.medianMs() / base.medianMs()) : "";
    }

    /** A target's verdict, a miss in bold. */
    static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    /** A scale factor as written on the command line: 1, not 1.0. */
    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Bytes in MiB to one place. */
    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /** "1 thread", "2 threads". */
    static String threads(int n) {
        return n + " thread" + (n == 1 ? "" : "s");
    }

    /** A line per query without a time (wrong answer, error, timeout): label, query name, threads, status and why. */
    static List<String> failures(String label, Map<Integer, Map<Integer, Cell>> byThreads, IntFunction<String> name) {
        List<String> out = new ArrayList<>();
        if (byThreads == null) return out;
        for (var t : byThreads.entrySet()) {
            for (var q : t.getValue().entrySet()) {
                Cell c = q.getValue();
                if (!c.ok()) {
                    out.add(label + " " + name.apply(q.getKey()) + " (" + threads(t.getKey()) + "), " + c.status()
                            + (c.note() == null ? "" : ": " + c.note().replace('\n', ' ')));
                }
            }
        }
        return out;
    }

    /** A Markdown list, each item cut at 400 characters (an engine's message can run to pages). */
    static void bullets(List<String> items, StringBuilder s) {
        for (String n : items) s.append("- ").append(n.length() > 400 ? n.substring(0, 400) + "…" : n).append('\n');
        s.append('\n');
    }
}
