package dev.mallard.api.table;

import java.util.List;
import java.util.StringJoiner;

/** What an insert does with a row whose key columns match a stored row. */
sealed interface Conflict {
    /** A plain insert: a clash with the primary key is an error. */
    record Fail() implements Conflict {}

    /** insertIgnore: the stored row stays, the new one is dropped. */
    record Ignore(List<String> keys) implements Conflict {}

    /**
     * upsert: the stored row takes the values the new row gives (its key columns and primary key
     * stay, and so do columns the new row leaves out).
     */
    record Update(List<String> keys) implements Conflict {}

    /**
     * The ON CONFLICT clause for rows of {@code columns} (stored names) into {@code table}, or nothing.
     * {@code nulls} are the columns the rows set to NULL on purpose; any other NULL is a column a row
     * left out, which keeps its stored value.
     */
    static String clause(Conflict conflict, String table, List<String> columns, java.util.Set<String> nulls, String primaryKey,
                         Dialect dialect) {
        return switch (conflict) {
            case Fail f -> "";
            case Ignore i -> " ON CONFLICT " + target(i.keys(), dialect) + " DO NOTHING";
            case Update u -> {
                StringJoiner set = new StringJoiner(", ");
                for (String c : columns) {
                    if (contains(u.keys(), c) || c.equals(primaryKey)) continue;
                    String given = "EXCLUDED." + dialect.quote(c);
                    set.add(dialect.quote(c) + " = " + (nulls.contains(c) ? given
                            : "coalesce(" + given + ", " + dialect.quote(table) + "." + dialect.quote(c) + ")"));
                }
                yield " ON CONFLICT " + target(u.keys(), dialect) + (set.length() == 0 ? " DO NOTHING" : " DO UPDATE SET " + set);
            }
        };
    }

    private static String target(List<String> keys, Dialect dialect) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (String k : keys) j.add(dialect.quote(k));
        return j.toString();
    }

    private static boolean contains(List<String> names, String name) {
        for (String n : names) if (n.equalsIgnoreCase(name)) return true;
        return false;
    }
}
