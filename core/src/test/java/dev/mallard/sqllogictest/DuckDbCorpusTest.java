package dev.mallard.sqllogictest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * DuckDB's public corpus ({@code shared/sqllogictest/duckdb} beside the repository, or
 * {@code -Dmallard.duckdb.corpus}), every script, against {@code -Dmallard.test.url}, ratcheted
 * by {@code conformance/duckdb-passing.txt}. Time budget: {@code -Dslt.budgetSeconds} (default 300).
 */
class DuckDbCorpusTest {

    static final String RATCHET = "conformance/duckdb-passing.txt";

    @TestFactory
    Stream<DynamicTest> duckDbCorpus() {
        Optional<Path> root = Corpora.duckDbCorpusRoot();
        Assumptions.assumeTrue(root.isPresent(),
                "DuckDB's corpus not found: no shared/sqllogictest/duckdb above the working directory "
                        + "and no -Dmallard.duckdb.corpus");
        Ratchet ratchet = Ratchet.load(RATCHET);
        RunnerConfig config = RunnerConfig.fromSystemProperties(Dialect.DUCKDB);
        Duration budget = Duration.ofSeconds(Long.getLong("slt.budgetSeconds", 300));
        return new RatchetedCorpus("duckdb-corpus", Corpora.directory(root.get()), ratchet, config, budget).tests();
    }
}
