package dev.mallard.bench;

import dev.mallard.bench.QuerySuite.Cell;
import java.util.Locale;

/** How the Markdown reports write their figures, so both benchmarks' tables read alike. */
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
}
