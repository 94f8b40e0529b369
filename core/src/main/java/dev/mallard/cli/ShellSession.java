package dev.mallard.cli;

import dev.mallard.MallardException;
import dev.mallard.engine.ClientContext;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.StatementResult;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The shell's state on one connection: output mode and settings, where output goes, and running
 * statements and dot commands. Results go to {@link #out()} (stdout, or a file after
 * {@code .output}); errors go to stderr as {@code Error: <message>}.
 */
final class ShellSession {
    private final ClientContext context;
    private final PrintStream stdout;
    private final PrintStream err;
    private PrintStream out;
    /** Output of {@code .once}: used for the next statement's result only. */
    private PrintStream once;

    private OutputMode mode = OutputMode.BOX;
    private boolean headers = true;
    private String nullValue;
    private int maxRows = FormatOptions.DEFAULT_MAX_ROWS;
    private boolean timer;
    private boolean bail;
    private boolean exitRequested;
    private Integer exitCode;
    private volatile boolean running;

    ShellSession(ClientContext context, PrintStream stdout, PrintStream err) {
        this.context = context;
        this.stdout = stdout;
        this.err = err;
        this.out = stdout;
    }

    ClientContext context() { return context; }
    PrintStream out() { return out; }
    PrintStream err() { return err; }
    OutputMode mode() { return mode; }
    void setMode(OutputMode mode) { this.mode = mode; }
    boolean headers() { return headers; }
    void setHeaders(boolean headers) { this.headers = headers; }
    String nullValue() { return nullValue; }
    void setNullValue(String nullValue) { this.nullValue = nullValue; }
    int maxRows() { return maxRows; }
    void setMaxRows(int maxRows) { this.maxRows = maxRows; }
    boolean timer() { return timer; }
    void setTimer(boolean timer) { this.timer = timer; }
    boolean bail() { return bail; }
    void setBail(boolean bail) { this.bail = bail; }
    boolean exitRequested() { return exitRequested; }

    void requestExit(Integer code) {
        exitRequested = true;
        exitCode = code;
    }

    /** The process exit code: an explicit {@code .exit N}, else 1 when something failed. */
    int exitCode(boolean allSucceeded) {
        if (exitCode != null) return exitCode;
        return allSucceeded ? 0 : 1;
    }

    /** Sends results to a file from now on ({@code .output FILE}); null goes back to stdout. */
    void redirect(PrintStream file) {
        if (out != stdout) out.close();
        out = file == null ? stdout : file;
    }

    void redirectOnce(PrintStream file) {
        if (once != null) once.close();
        once = file;
    }

    FormatOptions formatOptions() {
        return new FormatOptions(headers, nullValue, maxRows);
    }

    void error(String message) {
        err.println("Error: " + message);
        err.flush();
    }

    /** Runs one SQL statement and prints its rows; false when it failed (the error is printed). */
    boolean runSql(String sql) {
        PrintStream target = once != null ? once : out;
        long start = System.nanoTime();
        running = true;
        try {
            StatementResult r = context.execute(sql);
            if (r instanceof QueryResult q) {
                try (q) {
                    ResultFormatter.render(mode, formatOptions(), QueryRows.columns(q), new QueryRows(q), target);
                }
            }
            return true;
        } catch (MallardException e) {
            target.flush();
            error(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            target.flush();
            error("internal error: " + e);
            return false;
        } finally {
            running = false;
            if (once != null) {
                once.close();
                once = null;
            }
            if (timer) out.printf(Locale.ROOT, "Run Time: real %.3f s%n", (System.nanoTime() - start) / 1e9);
            out.flush();
        }
    }

    /** Ctrl-C: cancels the running statement (it fails with "cancelled"); does nothing between statements. */
    void cancelRunning() {
        if (running) context.cancel();
    }

    boolean isRunning() {
        return running;
    }

    /** Closes a file opened by {@code .output}. */
    void closeOutput() {
        redirect(null);
        redirectOnce(null);
    }
}
