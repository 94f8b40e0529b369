package dev.mallard.sqllogictest;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to run scripts: against which JDBC URL, by which dialect's rules, as which engine.
 *
 * @param url JDBC URL that opens a fresh, empty in-memory database on every connect
 * @param sharedUrlTemplate null, or a URL with {@code {name}} for an in-memory database several
 *     connections share (see {@link TestDatabase})
 * @param engineNames the names {@code skipif}/{@code onlyif} treat as this engine
 * @param initSql statements run on every new default connection before the script (failures are
 *     noted in the result, not fatal)
 * @param booleansAsDigits render booleans as {@code 1}/{@code 0} as DuckDB's C++ runner does,
 *     instead of {@code true}/{@code false} (DuckDB dialect only; comparisons accept either form)
 */
public record RunnerConfig(
        String url,
        String sharedUrlTemplate,
        Dialect dialect,
        Set<String> engineNames,
        Duration statementTimeout,
        Duration fileTimeout,
        List<String> initSql,
        boolean booleansAsDigits) {

    public static final String DEFAULT_URL = "jdbc:mallard:";

    public RunnerConfig {
        engineNames = Set.copyOf(engineNames);
        initSql = List.copyOf(initSql);
    }

    /**
     * The configuration the tests use, from system properties:
     * <ul>
     *   <li>{@code mallard.test.url} (default {@code jdbc:mallard:})
     *   <li>{@code mallard.test.sharedUrl}: URL template with {@code {name}} for scripts that open
     *       several connections (default none: the driver's {@code duplicate()} is used)
     *   <li>{@code slt.engines}: comma-separated names for skipif/onlyif (default {@code mallard})
     *   <li>{@code slt.statementTimeoutSeconds} (default 10), {@code slt.fileTimeoutSeconds} (120)
     *   <li>{@code slt.sqlite.init}: SQL run first for SQLite-dialect scripts, {@code ;}-separated
     *       (default {@code SET integer_division=true}, as DuckDB's runner does for these files:
     *       SQLite divides integers as integers)
     *   <li>{@code slt.booleansAsDigits}: render booleans as DuckDB prints them, true/false
     *       (default), or as 1/0 like DuckDB's C++ runner; comparisons accept either form, the
     *       choice matters for rowsort order and result hashes (DuckDB's corpus passes either way)
     * </ul>
     */
    public static RunnerConfig fromSystemProperties(Dialect dialect) {
        String url = System.getProperty("mallard.test.url", DEFAULT_URL);
        String shared = System.getProperty("mallard.test.sharedUrl");
        Set<String> engines = Arrays.stream(System.getProperty("slt.engines", "mallard").split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        Duration statementTimeout = Duration.ofSeconds(Long.getLong("slt.statementTimeoutSeconds", 10));
        Duration fileTimeout = Duration.ofSeconds(Long.getLong("slt.fileTimeoutSeconds", 120));
        List<String> init = dialect == Dialect.SQLITE
                ? SqlSplitter.split(System.getProperty("slt.sqlite.init", "SET integer_division=true"))
                : List.of();
        boolean booleansAsDigits = Boolean.parseBoolean(System.getProperty("slt.booleansAsDigits", "false"));
        return new RunnerConfig(url, shared, dialect, engines, statementTimeout, fileTimeout, init, booleansAsDigits);
    }

    public RunnerConfig withDialect(Dialect other) {
        List<String> init = other == dialect ? initSql : fromSystemProperties(other).initSql();
        return new RunnerConfig(url, sharedUrlTemplate, other, engineNames, statementTimeout, fileTimeout, init,
                booleansAsDigits);
    }

    public RunnerConfig withUrl(String otherUrl) {
        return new RunnerConfig(otherUrl, sharedUrlTemplate, dialect, engineNames, statementTimeout, fileTimeout,
                initSql, booleansAsDigits);
    }
}
