package dev.mallard.sql.tree;

/**
 * Where a node starts in the SQL text. {@code offset} is the 0-based char index; {@code line} and
 * {@code column} are 1-based, column counted in chars. Every AST node carries one so later stages
 * (binder, planner) can point at the exact spot with {@link #excerpt(String)}.
 */
public record Position(int offset, int line, int column) {

    /** For nodes that do not come from SQL text (e.g. built by the lazy API). */
    public static final Position UNKNOWN = new Position(-1, 0, 0);

    public boolean isKnown() {
        return offset >= 0;
    }

    /**
     * Renders {@code "(line L, column C)"} followed by the source line and a caret under this
     * position, e.g.
     * <pre>
     * (line 1, column 10)
     * SELECT a FORM t
     *          ^
     * </pre>
     * Callers put their message in front: {@code message + " " + pos.excerpt(sql)}.
     * Returns "" for an unknown position.
     */
    public String excerpt(String sql) {
        if (!isKnown() || sql == null) {
            return "";
        }
        int at = Math.min(offset, sql.length());
        int start = at;
        while (start > 0 && sql.charAt(start - 1) != '\n' && sql.charAt(start - 1) != '\r') {
            start--;
        }
        int end = at;
        while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
            end++;
        }
        StringBuilder out = new StringBuilder();
        out.append("(line ").append(line).append(", column ").append(column).append(")\n");
        out.append(sql, start, end).append('\n');
        // Keep tabs in the caret line so the caret lines up with the source under any tab width.
        for (int i = start; i < at; i++) {
            out.append(sql.charAt(i) == '\t' ? '\t' : ' ');
        }
        out.append('^');
        return out.toString();
    }
}
