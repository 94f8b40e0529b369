package dev.mallard.sqllogictest;

/**
 * One record that did not do what its script expects.
 *
 * @param problem one line: what went wrong ("wrong result: ...", "statement failed: ...")
 * @param expected what the script expects, possibly several lines; empty when not applicable
 * @param actual what the engine did, possibly several lines; empty when not applicable
 */
public record Failure(String file, int line, String sql, String problem, String expected, String actual) {

    /** File, line, problem, SQL, expected and actual, for a test report. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(line).append(": ").append(problem).append('\n');
        sb.append("  SQL: ").append(indent(sql, "       ")).append('\n');
        if (!expected.isEmpty()) {
            sb.append("  expected:\n    ").append(indent(expected, "    ")).append('\n');
        }
        if (!actual.isEmpty()) {
            sb.append("  actual:\n    ").append(indent(actual, "    ")).append('\n');
        }
        return sb.toString();
    }

    private static String indent(String text, String prefix) {
        return text.replace("\n", "\n" + prefix);
    }
}
