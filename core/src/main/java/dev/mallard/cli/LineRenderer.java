package dev.mallard.cli;

import java.io.PrintStream;

/** Line mode: each row as {@code name = value} lines (names right-aligned), rows separated by a blank line. */
final class LineRenderer implements Renderer {
    private final String nullText;

    LineRenderer(String nullText) {
        this.nullText = nullText;
    }

    @Override
    public void render(ResultColumns columns, RowSource rows, PrintStream out) {
        int width = 0;
        for (String name : columns.names()) width = Math.max(width, TextWidth.of(name));
        boolean first = true;
        for (String[] row = rows.next(); row != null; row = rows.next()) {
            StringBuilder sb = new StringBuilder();
            if (!first) sb.append('\n');
            first = false;
            for (int c = 0; c < row.length; c++) {
                sb.append(TextWidth.padLeft(columns.names().get(c), width)).append(" = ")
                        .append(row[c] == null ? nullText : row[c]).append('\n');
            }
            out.print(sb);
        }
    }
}
