package dev.mallard.sqllogictest;

import java.util.List;

/**
 * One record of a sqllogictest script: the tree the parser builds and the runner walks. Every
 * record knows the 1-based line of its command, so failures can point at it.
 */
public sealed interface Record {

    int line();

    /** What a {@code statement} record expects. */
    enum Expect { OK, ERROR, MAYBE }

    /** A record behind one or more {@code skipif}/{@code onlyif} lines. */
    record Guarded(int line, List<Condition> conditions, Record record) implements Record {
        public Guarded {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * {@code statement ok|error|maybe [connection]}: SQL that must succeed or fail.
     *
     * @param expectedError DuckDB's optional expected message (substring, or {@code <REGEX>:...});
     *     null when none was given
     * @param connection a named extra connection to the same database, or null for the default one
     */
    record Statement(int line, Expect expect, String sql, String expectedError, String connection)
            implements Record {}

    /**
     * {@code query <types> [nosort|rowsort|valuesort|connection] [label]} with its expected lines.
     *
     * @param types one letter per column: {@code I}, {@code R} or {@code T}
     * @param label results of queries sharing a label must hash alike; null when absent
     * @param expected the lines after {@code ----}, as written (row or value per line, or a hash)
     */
    record Query(int line, String types, SortMode sort, String label, String sql, List<String> expected,
            String connection) implements Record {
        public Query {
            expected = List.copyOf(expected);
        }
    }

    /** {@code hash-threshold N}: results with more than N values are compared by their MD5. */
    record HashThreshold(int line, int threshold) implements Record {}

    /** {@code halt}: stop the script here (usually behind {@code onlyif}). */
    record Halt(int line) implements Record {}

    /** {@code mode skip|unskip|...}. */
    record Mode(int line, String mode) implements Record {}

    /**
     * {@code loop}, {@code foreach} (and their {@code concurrent} forms, run serially) up to
     * {@code endloop}. Each iteration binds every variable to the value at the same position.
     */
    record Loop(int line, List<String> variables, List<List<String>> iterations, List<Record> body)
            implements Record {
        public Loop {
            variables = List.copyOf(variables);
            iterations = iterations.stream().map(List::copyOf).toList();
            body = List.copyOf(body);
        }
    }

    /** {@code require NAME [ARG]}: an extension or build property the script needs. */
    record Require(int line, List<String> arguments) implements Record {
        public Require {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code require-env NAME [VALUE]}: skip the script unless the variable is set (to VALUE). */
    record RequireEnv(int line, String variable, String value) implements Record {}

    /** {@code set NAME ...}: a runner setting such as {@code ignore_error_messages}. */
    record Setting(int line, List<String> arguments) implements Record {
        public Setting {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code reconnect}: replace the default connection by a new one to the same database. */
    record Reconnect(int line) implements Record {}

    /** A command that has no effect through JDBC ({@code sleep}, {@code tags}, ...). */
    record Ignored(int line, String text) implements Record {}

    /**
     * A command this runner cannot honour ({@code load}, {@code restart}, ...): reaching it skips
     * the rest of the script, which is then reported as skipped.
     */
    record Unsupported(int line, String text) implements Record {}
}
