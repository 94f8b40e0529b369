package dev.mallard.engine;

/**
 * Cuts the text of an expression out of a statement, starting at the expression's offset and
 * ending where the clause ends at nesting depth zero: a comma, an unmatched closing parenthesis,
 * or the keyword of the next column constraint. Used to keep DEFAULT and CHECK expressions as SQL.
 */
final class SourceText {
    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of(
            "NOT", "NULL", "PRIMARY", "UNIQUE", "CHECK", "DEFAULT", "REFERENCES", "CONSTRAINT", "COLLATE", "GENERATED");

    private SourceText() {}

    /** @param parenthesized the expression sits inside parentheses (CHECK): only the closing one ends it */
    static String expressionAt(String sql, int offset, boolean parenthesized) {
        int depth = 0;
        int i = offset;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                i = j + 1;
                continue;
            }
            if (c == '(') depth++;
            else if (c == ')') {
                if (depth == 0) break;
                depth--;
            } else if ((c == ',' && !parenthesized || c == ';') && depth == 0) break;
            else if (depth == 0 && Character.isLetter(c) && (i == offset || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
                String word = sql.substring(i, j).toUpperCase(java.util.Locale.ROOT);
                if (!parenthesized && i > offset && STOP_WORDS.contains(word)) break;
                i = j;
                continue;
            }
            i++;
        }
        return sql.substring(offset, Math.min(i, n)).trim();
    }
}
