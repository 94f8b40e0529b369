package dev.mallard.bench;

/** Progress lines on stderr, so stdout carries only the report. */
final class BenchLog {
    private BenchLog() {}

    static void log(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
