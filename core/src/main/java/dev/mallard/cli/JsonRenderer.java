package dev.mallard.cli;

import dev.mallard.types.TypeId;
import java.io.PrintStream;

/**
 * JSON mode: an array of objects, one per row, one row per line. Numbers and booleans are JSON
 * literals (NaN and infinities, which JSON lacks, become strings); NULL is {@code null} unless
 * {@code .nullvalue} asks for a string.
 */
final class JsonRenderer implements Renderer {
    private final String nullValue;

    JsonRenderer(String nullValue) {
        this.nullValue = nullValue;
    }

    @Override
    public void render(ResultColumns columns, RowSource rows, PrintStream out) {
        String[] keys = new String[columns.size()];
        for (int c = 0; c < keys.length; c++) keys[c] = string(columns.names().get(c));
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (String[] row = rows.next(); row != null; row = rows.next()) {
            if (!first) sb.append(",\n");
            first = false;
            sb.append('{');
            for (int c = 0; c < row.length; c++) {
                if (c > 0) sb.append(',');
                sb.append(keys[c]).append(':').append(value(columns, c, row[c]));
            }
            sb.append('}');
            out.print(sb);
            sb.setLength(0);
        }
        out.print(sb.append("]\n"));
    }

    private String value(ResultColumns columns, int c, String v) {
        if (v == null) return nullValue == null ? "null" : string(nullValue);
        TypeId id = columns.types().get(c).id();
        if (id == TypeId.BOOLEAN) return v;
        if (columns.types().get(c).isNumeric() && isJsonNumber(v)) return v;
        return string(v);
    }

    private static boolean isJsonNumber(String v) {
        return v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }

    static String string(String s) {
        return dev.mallard.io.json.JsonText.quoted(s);
    }
}
