package dev.mallard.sqllogictest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a record's SQL into statements at top-level semicolons, as DuckDB's runner effectively
 * does: semicolons inside quotes, dollar-quoted strings and comments do not split. Pieces that
 * hold nothing but whitespace and comments are dropped.
 */
public final class SqlSplitter {

    private SqlSplitter() {}

    public static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = sql.length();
        boolean hasCode = false;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c);
                hasCode = true;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                hasCode = true;
            } else if (c == ';') {
                if (hasCode) {
                    statements.add(sql.substring(start, i).strip());
                }
                i++;
                start = i;
                hasCode = false;
            } else {
                if (!Character.isWhitespace(c)) {
                    hasCode = true;
                }
                i++;
            }
        }
        if (hasCode) {
            statements.add(sql.substring(start).strip());
        }
        return statements;
    }

    /** Index just past a quoted run starting at {@code i}; a doubled quote is an escaped quote. */
    private static int skipQuoted(String sql, int i, char quote) {
        int j = i + 1;
        while (j < sql.length()) {
            if (sql.charAt(j) == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return j;
    }

    private static int skipBlockComment(String sql, int i) {
        int depth = 0;
        int j = i;
        while (j < sql.length()) {
            if (sql.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (sql.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return j;
    }

    /**
     * If a dollar-quote tag ({@code $$} or {@code $name$}) starts at {@code i}, the index just past
     * it; otherwise -1 (for example a positional parameter {@code $1}).
     */
    private static int dollarTagEnd(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return -1;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }
}
