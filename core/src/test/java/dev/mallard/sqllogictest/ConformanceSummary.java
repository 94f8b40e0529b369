package dev.mallard.sqllogictest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Adds up the results of many scripts and writes them as a Markdown report. */
public final class ConformanceSummary {

    private final List<FileResult> results = new ArrayList<>();

    public synchronized void add(FileResult result) {
        results.add(result);
    }

    public synchronized List<FileResult> results() {
        return List.copyOf(results);
    }

    public synchronized long count(FileResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public synchronized int files() {
        return results.size();
    }

    public synchronized long statementsRun() {
        return results.stream().mapToLong(FileResult::statementsRun).sum();
    }

    public synchronized long statementsPassed() {
        return results.stream().mapToLong(FileResult::statementsPassed).sum();
    }

    public synchronized long queriesRun() {
        return results.stream().mapToLong(FileResult::queriesRun).sum();
    }

    public synchronized long queriesPassed() {
        return results.stream().mapToLong(FileResult::queriesPassed).sum();
    }

    /** The summary line test-output readers look for: {@code N passed, M failed, K skipped}. */
    public String closingLine() {
        return count(FileResult.Status.PASSED) + " passed, " + count(FileResult.Status.FAILED) + " failed, "
                + count(FileResult.Status.SKIPPED) + " skipped";
    }

    /** Files, statements and queries passed, in one paragraph. */
    public String counts() {
        return String.format(Locale.ROOT, "files %d/%d passed (%s; %d skipped), statements %d/%d (%s), queries %d/%d (%s)",
                count(FileResult.Status.PASSED), files(), percent(count(FileResult.Status.PASSED), files()),
                count(FileResult.Status.SKIPPED), statementsPassed(), statementsRun(),
                percent(statementsPassed(), statementsRun()), queriesPassed(), queriesRun(),
                percent(queriesPassed(), queriesRun()));
    }

    /**
     * The most frequent kinds of failure, with literals masked so that the same problem on
     * different data counts once, each with the number of failures and of files and an example.
     */
    public synchronized List<Cause> topCauses(int limit) {
        Map<String, Cause> causes = new LinkedHashMap<>();
        for (FileResult r : results) {
            for (Failure f : r.failures()) {
                String key = normalize(f.problem());
                Cause c = causes.computeIfAbsent(key, k -> new Cause(k, f.file() + ":" + f.line()));
                c.failures++;
                if (c.lastFile == null || !c.lastFile.equals(r.file())) {
                    c.files++;
                    c.lastFile = r.file();
                }
            }
        }
        return causes.values().stream()
                .sorted(Comparator.comparingInt((Cause c) -> c.files).thenComparingInt(c -> c.failures).reversed())
                .limit(limit)
                .toList();
    }

    /** One kind of failure. */
    public static final class Cause {
        public final String cause;
        public final String example;
        public int failures;
        public int files;
        private String lastFile;

        Cause(String cause, String example) {
            this.cause = cause;
            this.example = example;
        }
    }

    static String normalize(String problem) {
        String p = problem.lines().findFirst().orElse("");
        if (p.startsWith("wrong result at row")) {
            return "wrong result (value differs)";
        }
        if (p.startsWith("wrong row count")) {
            return "wrong row count";
        }
        if (p.startsWith("wrong column count")) {
            return "wrong column count";
        }
        if (p.startsWith("cannot connect")) {
            return p.length() > 160 ? p.substring(0, 160) + "…" : p;
        }
        p = p.replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("'[^']*'", "'…'")
                .replaceAll("\\b\\d+(\\.\\d+)?\\b", "N");
        return p.length() > 160 ? p.substring(0, 160) + "…" : p;
    }

    /** The whole report as Markdown. */
    public synchronized String toMarkdown(String title, String url, Duration elapsed, int maxFailingFiles) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("- target: `").append(url).append("`\n");
        md.append("- elapsed: ").append(elapsed.toSeconds()).append(" s\n");
        md.append("- result: ").append(closingLine()).append("\n\n");
        md.append("| | passed | run | rate |\n|---|---:|---:|---:|\n");
        long passed = count(FileResult.Status.PASSED);
        md.append(row("files (skipped files excluded)", passed, files() - count(FileResult.Status.SKIPPED)));
        md.append(row("statements", statementsPassed(), statementsRun()));
        md.append(row("queries", queriesPassed(), queriesRun()));
        md.append(row("records (statements + queries)", statementsPassed() + queriesPassed(),
                statementsRun() + queriesRun()));
        md.append('\n');

        List<Cause> causes = topCauses(25);
        if (!causes.isEmpty()) {
            md.append("## Top failure causes\n\n");
            md.append("Counted over the first ").append(20).append(" failures kept per file; literals masked.\n\n");
            md.append("| files | failures | cause | example |\n|---:|---:|---|---|\n");
            for (Cause c : causes) {
                md.append("| ").append(c.files).append(" | ").append(c.failures).append(" | ")
                        .append(escape(c.cause)).append(" | `").append(c.example).append("` |\n");
            }
            md.append('\n');
        }

        md.append("## By directory\n\n| directory | files passed | files | queries passed | queries |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        Map<String, long[]> dirs = new TreeMap<>();
        for (FileResult r : results) {
            int slash = r.file().lastIndexOf('/');
            String dir = slash < 0 ? "." : r.file().substring(0, slash);
            long[] d = dirs.computeIfAbsent(dir, k -> new long[4]);
            d[0] += r.passed() ? 1 : 0;
            d[1]++;
            d[2] += r.queriesPassed();
            d[3] += r.queriesRun();
        }
        dirs.forEach((dir, d) -> md.append("| ").append(dir).append(" | ").append(d[0]).append(" | ").append(d[1])
                .append(" | ").append(d[2]).append(" | ").append(d[3]).append(" |\n"));
        md.append('\n');

        List<FileResult> failing = results.stream().filter(r -> r.status() == FileResult.Status.FAILED).toList();
        if (!failing.isEmpty()) {
            md.append("## Failing files (first failure of each)\n\n");
            failing.stream().limit(maxFailingFiles).forEach(r -> {
                Failure f = r.failures().isEmpty() ? null : r.failures().get(0);
                md.append("- `").append(r.file()).append("` (").append(r.failureCount()).append(" failures)");
                if (f != null) {
                    md.append(": line ").append(f.line()).append(": ").append(escape(firstLine(f.problem())));
                }
                md.append('\n');
            });
            if (failing.size() > maxFailingFiles) {
                md.append("- … and ").append(failing.size() - maxFailingFiles).append(" more\n");
            }
            md.append('\n');
        }
        List<FileResult> skipped = results.stream().filter(r -> r.status() == FileResult.Status.SKIPPED).toList();
        if (!skipped.isEmpty()) {
            md.append("## Skipped files\n\n");
            skipped.forEach(r -> md.append("- `").append(r.file()).append("`: ").append(escape(r.skipReason()))
                    .append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static String row(String what, long passed, long run) {
        return "| " + what + " | " + passed + " | " + run + " | " + percent(passed, run) + " |\n";
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    private static String escape(String s) {
        String one = firstLine(s == null ? "" : s);
        if (one.length() > 200) {
            one = one.substring(0, 200) + "…";
        }
        return one.replace("|", "\\|");
    }
}
