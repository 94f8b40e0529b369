package dev.mallard.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns a corpus and its ratchet list into JUnit dynamic tests, one per script, plus a closing
 * summary:
 * <ul>
 *   <li>a listed script must pass, or its test fails with the first failures in full;
 *   <li>an unlisted script that fails is reported as skipped (aborted) with its first failure;
 *   <li>an unlisted script that passes passes and is named in the summary as newly passing;
 *   <li>the summary prints files, statements and queries passed and writes a Markdown report
 *       under {@code target/conformance/}; it fails on stale ratchet entries.
 * </ul>
 * Every script runs even when the ratchet is empty, so the counts always mean something. Once
 * the time budget is spent, unlisted scripts are skipped without running (listed ones still run).
 */
final class RatchetedCorpus {

    private final String title;
    private final List<ScriptSource> scripts;
    private final Ratchet ratchet;
    private final RunnerConfig config;
    private final Duration budget;
    private final ConformanceSummary summary = new ConformanceSummary();
    private final List<String> newlyPassing = new ArrayList<>();
    private int notRunForBudget;
    private long started;

    RatchetedCorpus(String title, List<ScriptSource> scripts, Ratchet ratchet, RunnerConfig config, Duration budget) {
        this.title = title;
        this.scripts = List.copyOf(scripts);
        this.ratchet = ratchet;
        this.config = config;
        this.budget = budget;
    }

    Stream<DynamicTest> tests() {
        SqlLogicTestRunner duckRunner = new SqlLogicTestRunner(config.withDialect(Dialect.DUCKDB));
        SqlLogicTestRunner sqliteRunner = new SqlLogicTestRunner(config.withDialect(Dialect.SQLITE));
        Stream<DynamicTest> perScript = scripts.stream().map(script -> DynamicTest.dynamicTest(script.name(),
                script.location(), () -> runOne(script,
                        script.dialect() == Dialect.SQLITE ? sqliteRunner : duckRunner)));
        return Stream.concat(perScript, Stream.of(DynamicTest.dynamicTest("summary", this::summarize)));
    }

    private void runOne(ScriptSource script, SqlLogicTestRunner runner) {
        if (started == 0) {
            started = System.nanoTime();
        }
        boolean listed = ratchet.lists(script.name());
        if (!listed && Duration.ofNanos(System.nanoTime() - started).compareTo(budget) > 0) {
            notRunForBudget++;
            Assumptions.abort("not run: the time budget of " + budget.toSeconds() + " s for " + title
                    + " is used up (raise it with -Dslt.budgetSeconds)");
        }
        FileResult result = runner.runWithTimeout(script);
        summary.add(result);
        if (listed) {
            if (!result.passed()) {
                fail(script.name() + " is listed in " + ratchet.resource() + " but no longer passes:\n"
                        + result.describe(5));
            }
            return;
        }
        if (result.passed()) {
            newlyPassing.add(script.name());
            return;
        }
        Assumptions.abort("not in the ratchet list, fails: " + result.describe(1));
    }

    private void summarize() throws IOException {
        Duration elapsed = Duration.ofNanos(started == 0 ? 0 : System.nanoTime() - started);
        String report = summary.toMarkdown(title, config.url(), elapsed, 100);
        Path out = Paths.get("target", "conformance", title.replaceAll("[^A-Za-z0-9._-]+", "-") + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);

        StringBuilder sb = new StringBuilder();
        sb.append('[').append(title).append("] against ").append(config.url()).append(": ")
                .append(summary.counts()).append(" in ").append(elapsed.toSeconds()).append(" s\n");
        if (notRunForBudget > 0) {
            sb.append("  ").append(notRunForBudget).append(" script(s) not run: time budget used up\n");
        }
        summary.topCauses(5).forEach(c -> sb.append("  ").append(c.files).append(" file(s): ").append(c.cause)
                .append('\n'));
        if (!newlyPassing.isEmpty()) {
            Path list = out.resolveSibling(out.getFileName().toString().replace(".md", "-newly-passing.txt"));
            Files.writeString(list, String.join("\n", newlyPassing) + "\n", StandardCharsets.UTF_8);
            sb.append("  ").append(newlyPassing.size()).append(" newly passing script(s), not yet in ")
                    .append(ratchet.resource()).append(" (full list: ").append(list.toAbsolutePath()).append("):\n");
            newlyPassing.stream().limit(30).forEach(n -> sb.append("    ").append(n).append('\n'));
            if (newlyPassing.size() > 30) {
                sb.append("    ...\n");
            }
        }
        sb.append("  report: ").append(out.toAbsolutePath()).append('\n');
        System.out.print(sb);

        Set<String> names = scripts.stream().map(ScriptSource::name).collect(Collectors.toSet());
        List<String> stale = ratchet.files().stream().filter(f -> !names.contains(f)).sorted().toList();
        if (!stale.isEmpty()) {
            fail(ratchet.resource() + " lists scripts that are not in the corpus: " + stale);
        }
        assertEquals(scripts.size(), summary.files() + notRunForBudget, "every script was run or budgeted out");
    }
}
