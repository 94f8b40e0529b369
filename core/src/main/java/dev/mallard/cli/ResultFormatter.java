package dev.mallard.cli;

import java.io.PrintStream;

/**
 * The one entry point for printing results: the shell (and tests) call this with a mode, options,
 * the columns and the rows; the per-mode {@link Renderer}s hold the layouts.
 */
public final class ResultFormatter {
    private ResultFormatter() {}

    public static void render(OutputMode mode, FormatOptions options, ResultColumns columns, RowSource rows, PrintStream out) {
        if (columns.size() == 0) return;
        String nullText = options.nullText(mode);
        Renderer renderer = switch (mode) {
            case BOX -> new AlignedTableRenderer(AlignedTableRenderer.Frame.BOX, nullText, options.maxRows());
            case TABLE -> new AlignedTableRenderer(AlignedTableRenderer.Frame.ASCII, nullText, options.maxRows());
            case CSV -> new DelimitedRenderer(",", true, options.headers(), nullText);
            case TABS -> new DelimitedRenderer("\t", false, options.headers(), nullText);
            case LIST -> new DelimitedRenderer("|", false, options.headers(), nullText);
            case LINE -> new LineRenderer(nullText);
            case JSON -> new JsonRenderer(options.nullValue());
            case MARKDOWN -> new MarkdownRenderer(nullText);
        };
        renderer.render(columns, rows, out);
        out.flush();
    }
}
