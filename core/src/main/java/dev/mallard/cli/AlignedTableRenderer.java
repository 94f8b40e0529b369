package dev.mallard.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Box and table modes: columns padded to a common width, numbers right-aligned, names (and, in
 * box mode, types) centered in the header. A result longer than {@code maxRows} shows its first
 * and last rows around a "…" row, with a footer counting all rows — only those rows are kept in
 * memory, so a billion-row result prints in constant space.
 */
final class AlignedTableRenderer implements Renderer {
    /** The line-drawing characters; {@code typeRow}: show a second header row with column types. */
    record Frame(String h, String v, String topLeft, String topMid, String topRight, String midLeft, String midMid,
                 String midRight, String bottomLeft, String bottomMid, String bottomRight, boolean typeRow) {
        static final Frame BOX = new Frame("─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘", true);
        static final Frame ASCII = new Frame("-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+", false);
    }

    private static final String ELLIPSIS = "…";

    private final Frame frame;
    private final String nullText;
    private final int maxRows;

    AlignedTableRenderer(Frame frame, String nullText, int maxRows) {
        this.frame = frame;
        this.nullText = nullText;
        this.maxRows = maxRows;
    }

    @Override
    public void render(ResultColumns columns, RowSource rows, PrintStream out) {
        int n = columns.size();
        int tailCount = maxRows > 0 ? maxRows / 2 : 0;
        List<String[]> head = new ArrayList<>();
        ArrayDeque<String[]> tail = new ArrayDeque<>();
        long total = 0;
        for (String[] row = rows.next(); row != null; row = rows.next()) {
            String[] cells = display(row);
            if (maxRows <= 0 || head.size() < maxRows) head.add(cells);
            if (tailCount > 0) {
                if (tail.size() == tailCount) tail.removeFirst();
                tail.addLast(cells);
            }
            total++;
        }
        boolean truncated = maxRows > 0 && total > maxRows;
        List<String[]> shown = head;
        if (truncated) {
            shown = new ArrayList<>(head.subList(0, maxRows - tailCount));
            shown.add(null); // the "…" row
            shown.addAll(tail);
        }
        String footer = truncated ? total + " rows (" + (maxRows) + " shown)" : total == 0 ? "0 rows" : null;

        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = Math.max(1, TextWidth.of(columns.names().get(c)));
            if (frame.typeRow()) widths[c] = Math.max(widths[c], TextWidth.of(columns.typeName(c)));
        }
        for (String[] row : shown) {
            if (row == null) continue;
            for (int c = 0; c < n; c++) widths[c] = Math.max(widths[c], TextWidth.of(row[c]));
        }
        int inner = 0;
        for (int w : widths) inner += w;
        inner += 3 * (n - 1);
        if (footer != null && TextWidth.of(footer) > inner) {
            widths[n - 1] += TextWidth.of(footer) - inner;
            inner = TextWidth.of(footer);
        }

        line(out, rule(widths, frame.topLeft(), frame.topMid(), frame.topRight()));
        String[] names = columns.names().toArray(String[]::new);
        line(out, cells(widths, names, c -> Align.CENTER));
        if (frame.typeRow()) {
            String[] types = new String[n];
            for (int c = 0; c < n; c++) types[c] = columns.typeName(c);
            line(out, cells(widths, types, c -> Align.CENTER));
        }
        line(out, rule(widths, frame.midLeft(), frame.midMid(), frame.midRight()));
        String[] dots = new String[n];
        java.util.Arrays.fill(dots, ELLIPSIS);
        for (String[] row : shown) {
            line(out, row == null ? cells(widths, dots, c -> Align.CENTER)
                    : cells(widths, row, c -> columns.rightAligned(c) ? Align.RIGHT : Align.LEFT));
        }
        if (footer != null) {
            if (total > 0) line(out, rule(widths, frame.midLeft(), frame.bottomMid(), frame.midRight()));
            line(out, frame.v() + " " + TextWidth.padRight(footer, inner) + " " + frame.v());
            line(out, frame.bottomLeft() + frame.h().repeat(inner + 2) + frame.bottomRight());
        } else {
            line(out, rule(widths, frame.bottomLeft(), frame.bottomMid(), frame.bottomRight()));
        }
    }

    private String[] display(String[] row) {
        String[] out = new String[row.length];
        for (int c = 0; c < row.length; c++) out[c] = row[c] == null ? nullText : TextWidth.printable(row[c]);
        return out;
    }

    private enum Align { LEFT, RIGHT, CENTER }

    private String rule(int[] widths, String left, String mid, String right) {
        StringBuilder sb = new StringBuilder(left);
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) sb.append(mid);
            sb.append(frame.h().repeat(widths[c] + 2));
        }
        return sb.append(right).toString();
    }

    private String cells(int[] widths, String[] values, java.util.function.IntFunction<Align> align) {
        StringBuilder sb = new StringBuilder(frame.v());
        for (int c = 0; c < widths.length; c++) {
            String v = values[c];
            String padded = switch (align.apply(c)) {
                case LEFT -> TextWidth.padRight(v, widths[c]);
                case RIGHT -> TextWidth.padLeft(v, widths[c]);
                case CENTER -> TextWidth.center(v, widths[c]);
            };
            sb.append(' ').append(padded).append(' ').append(frame.v());
        }
        return sb.toString();
    }

    private static void line(PrintStream out, String s) {
        out.print(s);
        out.print('\n');
    }
}
