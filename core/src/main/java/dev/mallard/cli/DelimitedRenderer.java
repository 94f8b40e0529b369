package dev.mallard.cli;

import java.io.PrintStream;

/** csv (RFC 4180 quoting), tabs and list: one line per row, values joined by a separator. */
final class DelimitedRenderer implements Renderer {
    private final String separator;
    private final boolean quote;
    private final boolean headers;
    private final String nullText;

    DelimitedRenderer(String separator, boolean quote, boolean headers, String nullText) {
        this.separator = separator;
        this.quote = quote;
        this.headers = headers;
        this.nullText = nullText;
    }

    @Override
    public void render(ResultColumns columns, RowSource rows, PrintStream out) {
        if (headers) write(out, columns.names().toArray(String[]::new), false);
        for (String[] row = rows.next(); row != null; row = rows.next()) write(out, row, true);
    }

    private void write(PrintStream out, String[] values, boolean data) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            if (c > 0) sb.append(separator);
            String v = values[c];
            if (v == null && data) sb.append(nullText);
            else sb.append(quote ? quoted(v) : v);
        }
        out.print(sb.append('\n'));
    }

    /** Quotes a value only when it holds the separator, a quote or a line break (RFC 4180). */
    private String quoted(String v) {
        boolean needs = v.contains(separator) || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return needs ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
