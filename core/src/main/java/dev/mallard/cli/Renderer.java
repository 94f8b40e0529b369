package dev.mallard.cli;

import java.io.PrintStream;

/** Prints one result in one {@link OutputMode}. */
sealed interface Renderer permits AlignedTableRenderer, DelimitedRenderer, JsonRenderer, LineRenderer, MarkdownRenderer {
    void render(ResultColumns columns, RowSource rows, PrintStream out);
}
