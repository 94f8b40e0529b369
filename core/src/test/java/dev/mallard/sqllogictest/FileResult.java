package dev.mallard.sqllogictest;

import java.time.Duration;
import java.util.List;

/**
 * What running one script produced.
 *
 * @param skipReason why the script (or its rest) was skipped, or null; a skipped script's
 *     records up to that point still count
 * @param failureCount all failures; {@code failures} keeps only the first few
 * @param notes things worth knowing that are not failures (ignored settings, failed init SQL)
 */
public record FileResult(
        String file,
        Status status,
        String skipReason,
        int statementsRun,
        int statementsPassed,
        int queriesRun,
        int queriesPassed,
        int recordsSkipped,
        int failureCount,
        List<Failure> failures,
        List<String> notes,
        Duration elapsed) {

    public enum Status { PASSED, FAILED, SKIPPED }

    public FileResult {
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /** A short report: counts and the first failures in full. */
    public String describe(int maxFailures) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(status);
        if (skipReason != null) {
            sb.append(" (").append(skipReason).append(')');
        }
        sb.append(String.format(" — statements %d/%d, queries %d/%d, %d failure(s), %d ms%n",
                statementsPassed, statementsRun, queriesPassed, queriesRun, failureCount, elapsed.toMillis()));
        notes.forEach(n -> sb.append("  note: ").append(n).append('\n'));
        failures.stream().limit(maxFailures).forEach(f -> sb.append(f.describe()));
        if (failureCount > maxFailures) {
            sb.append("... and ").append(failureCount - maxFailures).append(" more failure(s)\n");
        }
        return sb.toString();
    }
}
