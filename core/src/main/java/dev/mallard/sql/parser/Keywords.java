package dev.mallard.sql.parser;

import java.util.Set;

/**
 * Which words are keywords where. Most SQL keywords are not reserved, so tables and columns may
 * be called {@code year}, {@code date}, {@code name}, {@code value}, {@code type}, {@code key},
 * {@code count}, {@code first}, {@code filter}, ... without quotes. Only {@link #RESERVED} words
 * (close to PostgreSQL's reserved list, plus QUALIFY) need quoting as names.
 */
final class Keywords {
    private Keywords() {
    }

    /** Words that can never be an unquoted table, column or alias name. */
    static final Set<String> RESERVED = Set.of(
            "ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "BOTH", "CASE", "CAST", "CHECK",
            "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR",
            "FOREIGN", "FROM", "GRANT", "GROUP", "HAVING", "IN", "INITIALLY", "INTERSECT", "INTO", "LATERAL",
            "LEADING", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "NOT", "NULL", "OFFSET", "ON", "ONLY", "OR",
            "ORDER", "PLACING", "PRIMARY", "QUALIFY", "REFERENCES", "RETURNING", "SELECT", "SOME", "SYMMETRIC",
            "TABLE", "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USING", "VARIADIC", "WHEN", "WHERE",
            "WINDOW", "WITH");

    /**
     * Not reserved (usable as column and function names: {@code left(s, 2)}, a column {@code left})
     * but never taken as an alias without AS, because they continue a FROM clause or an expression.
     */
    static final Set<String> NOT_IMPLICIT_ALIAS = Set.of(
            "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL", "POSITIONAL", "ASOF", "SEMI",
            "ANTI", "IS", "ISNULL", "NOTNULL", "LIKE", "ILIKE", "GLOB", "SIMILAR", "BETWEEN", "TABLESAMPLE");

    /** Words after which a FROM-less query body may start. */
    static final Set<String> QUERY_START = Set.of("SELECT", "WITH", "VALUES", "FROM", "TABLE");

    /**
     * Keywords offered in "did you mean" hints when a misspelt word caused a syntax error
     * ({@code SELECT a FORM t}).
     */
    static final String[] SUGGESTIONS = {
            "SELECT", "FROM", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "UNION", "INTERSECT",
            "EXCEPT", "JOIN", "INNER", "LEFT", "RIGHT", "OUTER", "CROSS", "NATURAL", "INSERT", "INTO", "VALUES",
            "UPDATE", "DELETE", "CREATE", "TABLE", "DROP", "ALTER", "DISTINCT", "BETWEEN", "QUALIFY", "WINDOW",
            "RETURNING", "AND", "CASE", "WHEN", "THEN", "ELSE", "EXPLAIN", "DESCRIBE", "SUMMARIZE", "COPY"};

    static boolean isReserved(Token token) {
        return token.keyword() != null && RESERVED.contains(token.keyword());
    }

    /** The keyword {@code word} is probably a typo of, or null. */
    static String suggest(String upperWord) {
        if (upperWord == null || upperWord.length() < 3) {
            return null;
        }
        int limit = upperWord.length() >= 6 ? 2 : 1;
        for (String keyword : SUGGESTIONS) {
            if (!keyword.equals(upperWord) && Math.abs(keyword.length() - upperWord.length()) <= limit
                    && editDistance(keyword, upperWord) <= limit) {
                return keyword;
            }
        }
        return null;
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions (FORM → FROM is 1). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
