package dev.mallard.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Markdown mode: a padded GitHub-flavoured table; numeric columns are marked right-aligned ({@code ---:}). */
final class MarkdownRenderer implements Renderer {
    private final String nullText;

    MarkdownRenderer(String nullText) {
        this.nullText = nullText;
    }

    @Override
    public void render(ResultColumns columns, RowSource rows, PrintStream out) {
        int n = columns.size();
        List<String[]> all = new ArrayList<>();
        for (String[] row = rows.next(); row != null; row = rows.next()) {
            String[] cells = new String[n];
            for (int c = 0; c < n; c++) cells[c] = row[c] == null ? nullText : escape(row[c]);
            all.add(cells);
        }
        int[] widths = new int[n];
        String[] names = new String[n];
        for (int c = 0; c < n; c++) {
            names[c] = escape(columns.names().get(c));
            widths[c] = Math.max(3, TextWidth.of(names[c]));
        }
        for (String[] row : all) {
            for (int c = 0; c < n; c++) widths[c] = Math.max(widths[c], TextWidth.of(row[c]));
        }
        StringBuilder sb = new StringBuilder();
        row(sb, names, widths, c -> false);
        sb.append('|');
        for (int c = 0; c < n; c++) {
            sb.append(columns.rightAligned(c) ? "-".repeat(widths[c] + 1) + ":" : "-".repeat(widths[c] + 2)).append('|');
        }
        sb.append('\n');
        for (String[] cells : all) row(sb, cells, widths, columns::rightAligned);
        out.print(sb);
    }

    private static void row(StringBuilder sb, String[] cells, int[] widths, java.util.function.IntPredicate right) {
        sb.append('|');
        for (int c = 0; c < cells.length; c++) {
            String padded = right.test(c) ? TextWidth.padLeft(cells[c], widths[c]) : TextWidth.padRight(cells[c], widths[c]);
            sb.append(' ').append(padded).append(" |");
        }
        sb.append('\n');
    }

    private static String escape(String s) {
        return TextWidth.printable(s.replace("|", "\\|").replace("\n", "<br>"));
    }
}
