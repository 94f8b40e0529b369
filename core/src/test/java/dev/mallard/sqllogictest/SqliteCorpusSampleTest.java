package dev.mallard.sqllogictest;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SQLite's sqllogictest corpus in the default run: the fixed sample of {@link SqliteSample} plus
 * every script listed in {@code conformance/sqlite-passing.txt}, against
 * {@code -Dmallard.test.url} (default {@code jdbc:mallard:}), ratcheted by that list. The whole
 * corpus is {@link ConformanceReport}'s job. Time budget: {@code -Dslt.budgetSeconds} (default 480).
 */
class SqliteCorpusSampleTest {

    static final String RATCHET = "conformance/sqlite-passing.txt";

    @TestFactory
    Stream<DynamicTest> sqliteSample() {
        Ratchet ratchet = Ratchet.load(RATCHET);
        List<ScriptSource> scripts = Corpora.sqlite().stream()
                .filter(s -> SqliteSample.contains(s.name()) || ratchet.lists(s.name()))
                .toList();
        RunnerConfig config = RunnerConfig.fromSystemProperties(Dialect.SQLITE);
        Duration budget = Duration.ofSeconds(Long.getLong("slt.budgetSeconds", 480));
        return new RatchetedCorpus("sqlite-sample", scripts, ratchet, config, budget).tests();
    }
}
