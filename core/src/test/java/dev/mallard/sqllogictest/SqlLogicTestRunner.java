package dev.mallard.sqllogictest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs sqllogictest scripts (SQLite's and DuckDB's dialects) against any JDBC database, each on a
 * fresh in-memory database, and reports per script what passed and what failed.
 *
 * <p>A script keeps running after a failing record, so one result counts every record; the
 * script passes when nothing failed. Usage:
 * <pre>{@code
 * var runner = new SqlLogicTestRunner(RunnerConfig.fromSystemProperties(Dialect.DUCKDB));
 * FileResult result = runner.runWithTimeout(source);
 * }</pre>
 */
public final class SqlLogicTestRunner {

    /** Failures kept per script in full; all are counted. */
    private static final int MAX_FAILURES_KEPT = 20;

    /** DuckDB build properties a {@code require} may ask for that a release build has. */
    private static final Set<String> PRESENT_BUILD_PROPERTIES = Set.of("longdouble", "64bit", "notwindows",
            "notmingw", "noforcestorage", "nothreadsan", "strinline", "skip_reload", "no_alternative_verify",
            "noalternativeverify", "no_vector_verification", "no_extension_autoloading");

    /** The vector size the scripts' {@code require vector_size} is answered for. */
    private static final int VECTOR_SIZE = 2048;

    private final RunnerConfig config;

    public SqlLogicTestRunner(RunnerConfig config) {
        this.config = config;
    }

    public RunnerConfig config() {
        return config;
    }

    /** Runs a script in the calling thread, in the script's own dialect. */
    public FileResult run(ScriptSource source) {
        return new ScriptRun(source).runScript();
    }

    /**
     * Runs a script on a worker thread and gives up after the configured file timeout (closing its
     * connections to unblock the engine), so that one hanging script cannot stall a whole corpus.
     */
    public FileResult runWithTimeout(ScriptSource source) {
        ScriptRun run = new ScriptRun(source);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "slt-" + source.name());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<FileResult> future = worker.submit(run::runScript);
            try {
                return future.get(config.fileTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                run.abandon();
                return run.result("script timed out after " + config.fileTimeout().toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                run.abandon();
                return run.result("interrupted");
            } catch (ExecutionException e) {
                return run.result("runner error: " + e.getCause());
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /** Stops the script here: {@code halt}. */
    private static final class Halt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Halt() {
            super(null, null, false, false);
        }
    }

    /** Skips the rest of the script, which then counts as skipped. */
    private static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The state of one script's run. */
    private final class ScriptRun {
        private final ScriptSource source;
        private final Dialect dialect;
        private final QueryChecker checker;
        private final long started = System.nanoTime();
        private final List<Failure> failures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, String> labels = new HashMap<>();
        private final Set<String> ignoredErrors = new LinkedHashSet<>();
        private volatile TestDatabase database;
        private SqlExecutor executor;
        private Path tempDir;
        private int failureCount;
        private int statementsRun;
        private int statementsPassed;
        private int queriesRun;
        private int queriesPassed;
        private int recordsSkipped;
        private int hashThreshold;
        private int skipLevel;
        private String skipReason;

        ScriptRun(ScriptSource source) {
            this.source = source;
            this.dialect = source.dialect();
            this.checker = new QueryChecker(dialect, config.booleansAsDigits());
        }

        FileResult runScript() {
            TestScript script;
            try {
                script = SqlLogicTestParser.parse(source.name(), source.text());
            } catch (IOException | ScriptFormatException e) {
                fail(new Failure(source.name(), 0, "", "cannot read script: " + e.getMessage(), "", ""));
                return result(null);
            }
            try (SqlExecutor exec = new SqlExecutor(config.statementTimeout())) {
                executor = exec;
                try {
                    database = TestDatabase.open(config.url(), config.sharedUrlTemplate());
                } catch (SQLException | RuntimeException e) {
                    fail(new Failure(source.name(), 0, "", "cannot connect to " + config.url() + ": " + e.getMessage(),
                            "", ""));
                    return result(null);
                }
                runInitSql();
                try {
                    execute(script.records(), Map.of());
                } catch (Halt h) {
                    // the script ends here
                } catch (Skip s) {
                    skipReason = s.getMessage();
                }
            } finally {
                closeDatabase();
                deleteTempDir();
            }
            return result(null);
        }

        /** Closes the connections from another thread after a timeout. */
        void abandon() {
            closeDatabase();
        }

        private void closeDatabase() {
            TestDatabase db = database;
            database = null;
            if (db != null) {
                db.close();
            }
        }

        FileResult result(String fatal) {
            if (fatal != null) {
                fail(new Failure(source.name(), 0, "", fatal, "", ""));
            }
            FileResult.Status status = failureCount > 0
                    ? FileResult.Status.FAILED
                    : skipReason != null ? FileResult.Status.SKIPPED : FileResult.Status.PASSED;
            return new FileResult(source.name(), status, skipReason, statementsRun, statementsPassed, queriesRun,
                    queriesPassed, recordsSkipped, failureCount, List.copyOf(failures), List.copyOf(notes),
                    Duration.ofNanos(System.nanoTime() - started));
        }

        private void runInitSql() {
            for (String sql : config.initSql()) {
                try {
                    Outcome outcome = executor.execute(database.connection(null), sql);
                    if (!(outcome instanceof Outcome.Success)) {
                        notes.add("init SQL '" + sql + "' failed: " + describe(outcome));
                    }
                } catch (SQLException e) {
                    notes.add("init SQL '" + sql + "' failed: " + e.getMessage());
                }
            }
        }

        private void execute(List<Record> records, Map<String, String> variables) {
            for (Record record : records) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new Skip("interrupted");
                }
                execute(record, variables);
            }
        }

        private void execute(Record record, Map<String, String> variables) {
            if (record instanceof Record.Guarded guarded) {
                if (guarded.conditions().stream().anyMatch(c -> c.skips(config.engineNames()))) {
                    recordsSkipped++;
                } else {
                    execute(guarded.record(), variables);
                }
                return;
            }
            if (record instanceof Record.Mode mode) {
                switch (mode.mode()) {
                    case "skip" -> skipLevel++;
                    case "unskip" -> skipLevel = Math.max(0, skipLevel - 1);
                    default -> {
                        // output_hash, output_result, debug: ways of printing, not of checking
                    }
                }
                return;
            }
            if (skipLevel > 0) {
                recordsSkipped++;
                return;
            }
            switch (record) {
                case Record.Statement statement -> runStatement(statement, variables);
                case Record.Query query -> runQuery(query, variables);
                case Record.HashThreshold threshold -> hashThreshold = threshold.threshold();
                case Record.Halt halt -> throw new Halt();
                case Record.Loop loop -> {
                    for (List<String> iteration : loop.iterations()) {
                        Map<String, String> inner = new HashMap<>(variables);
                        for (int i = 0; i < loop.variables().size(); i++) {
                            inner.put(loop.variables().get(i), iteration.get(i));
                        }
                        execute(loop.body(), inner);
                    }
                }
                case Record.Require require -> {
                    if (!requirementMet(require.arguments())) {
                        throw new Skip("require " + String.join(" ", require.arguments()));
                    }
                }
                case Record.RequireEnv env -> {
                    String value = System.getenv(env.variable());
                    if (value == null || (env.value() != null && !env.value().equals(value))) {
                        throw new Skip("require-env " + env.variable());
                    }
                }
                case Record.Setting setting -> applySetting(setting);
                case Record.Reconnect reconnect -> {
                    try {
                        database.reconnect();
                        runInitSql();
                    } catch (SQLException e) {
                        fail(new Failure(source.name(), reconnect.line(), "", "reconnect failed: " + e.getMessage(),
                                "", ""));
                    }
                }
                case Record.Ignored ignored -> {
                    // no effect through JDBC
                }
                case Record.Unsupported unsupported -> throw new Skip("unsupported command: " + unsupported.text());
                case Record.Guarded guarded -> throw new IllegalStateException("handled above");
                case Record.Mode mode -> throw new IllegalStateException("handled above");
            }
        }

        private void runStatement(Record.Statement statement, Map<String, String> variables) {
            statementsRun++;
            String sql = substitute(statement.sql(), variables);
            Outcome outcome = executeOn(statement.connection(), sql);
            String expectedError = statement.expectedError() == null || dialect == Dialect.SQLITE
                    ? null
                    : substitute(statement.expectedError(), variables);
            String problem = switch (statement.expect()) {
                case OK -> switch (outcome) {
                    case Outcome.Success s -> null;
                    case Outcome.Error e -> {
                        skipIfIgnored(e.message());
                        yield "statement failed: " + e.message();
                    }
                    default -> "statement failed: " + describe(outcome);
                };
                case ERROR -> switch (outcome) {
                    case Outcome.Success s -> "statement succeeded, but an error was expected"
                            + (expectedError == null || expectedError.isEmpty() ? "" : " (" + firstLine(expectedError) + ")");
                    case Outcome.Error e -> checkError(e, expectedError);
                    default -> "expected an SQL error, got: " + describe(outcome);
                };
                case MAYBE -> switch (outcome) {
                    case Outcome.Success s -> null;
                    case Outcome.Error e -> checkError(e, expectedError);
                    default -> "statement failed: " + describe(outcome);
                };
            };
            if (problem == null) {
                statementsPassed++;
            } else {
                String actual = outcome instanceof Outcome.Error e ? e.message() : "";
                fail(new Failure(source.name(), statement.line(), sql, problem,
                        expectedError == null ? "" : expectedError, actual));
            }
        }

        /** An SQL error passes when it is not an internal error and its message is the expected one. */
        private String checkError(Outcome.Error error, String expectedError) {
            String message = error.message();
            if (message.contains("INTERNAL")) {
                String line = message.lines().filter(l -> l.contains("INTERNAL")).findFirst().orElse(message);
                return "internal error where an SQL error was expected: " + line;
            }
            if (expectedError == null || expectedError.isEmpty()) {
                return null;
            }
            if (message.contains(expectedError)) {
                return null;
            }
            if ((expectedError.startsWith("<REGEX>:") || expectedError.startsWith("<!REGEX>:"))
                    && ValueComparator.regexFound(message, expectedError)) {
                return null;
            }
            return "wrong error message: " + firstLine(message);
        }

        private void runQuery(Record.Query query, Map<String, String> variables) {
            queriesRun++;
            String sql = substitute(query.sql(), variables);
            List<String> expected = query.expected().stream().map(l -> substitute(l, variables)).toList();
            Outcome outcome = executeOn(query.connection(), sql);
            switch (outcome) {
                case Outcome.Success success -> {
                    QueryChecker.Mismatch mismatch =
                            checker.check(query, expected, success.table(), hashThreshold, labels);
                    if (mismatch == null) {
                        queriesPassed++;
                    } else {
                        fail(new Failure(source.name(), query.line(), sql, mismatch.problem(), mismatch.expected(),
                                mismatch.actual()));
                    }
                }
                case Outcome.Error e -> {
                    skipIfIgnored(e.message());
                    fail(new Failure(source.name(), query.line(), sql, "query failed: " + firstLine(e.message()),
                            String.join("\n", expected), e.message()));
                }
                default -> fail(new Failure(source.name(), query.line(), sql, "query failed: " + describe(outcome),
                        String.join("\n", expected), ""));
            }
        }

        private Outcome executeOn(String connectionName, String sql) {
            Connection connection;
            try {
                connection = database.connection(connectionName);
            } catch (SQLException e) {
                return new Outcome.Error(e);
            }
            return executor.execute(connection, sql);
        }

        private void skipIfIgnored(String message) {
            for (String ignored : ignoredErrors) {
                if (message.contains(ignored)) {
                    throw new Skip("error matching ignore_error_messages '" + ignored + "'");
                }
            }
        }

        private void applySetting(Record.Setting setting) {
            List<String> args = setting.arguments();
            if (!args.isEmpty() && args.get(0).equals("ignore_error_messages")) {
                ignoredErrors.clear();
                String joined = String.join(" ", args.subList(1, args.size()));
                for (String part : joined.split(",")) {
                    if (!part.isBlank()) {
                        ignoredErrors.add(part.trim());
                    }
                }
            } else if (args.size() == 2 && args.get(0).equals("seed")) {
                // DuckDB's runner seeds the connection's random numbers (used by random() and
                // sampling); through SQL that is setseed().
                Outcome outcome = executeOn(null, "SELECT setseed(" + args.get(1) + ")");
                if (!(outcome instanceof Outcome.Success)) {
                    notes.add("line " + setting.line() + ": 'set seed' failed: " + describe(outcome));
                }
            } else {
                notes.add("line " + setting.line() + ": ignored 'set " + String.join(" ", args) + "'");
            }
        }

        private boolean requirementMet(List<String> args) {
            String name = args.get(0).toLowerCase(Locale.ROOT);
            return switch (name) {
                case "vector_size" -> args.size() > 1 && parseIntOr(args.get(1), Integer.MAX_VALUE) <= VECTOR_SIZE;
                case "exact_vector_size" -> args.size() > 1 && parseIntOr(args.get(1), -1) == VECTOR_SIZE;
                default -> PRESENT_BUILD_PROPERTIES.contains(name); // extensions: we have none
            };
        }

        /** Loop variables ({@code ${name}} and {@code {name}}), then the runner's keywords. */
        private String substitute(String text, Map<String, String> variables) {
            for (Map.Entry<String, String> v : variables.entrySet()) {
                text = text.replace("${" + v.getKey() + "}", v.getValue()).replace("{" + v.getKey() + "}", v.getValue());
            }
            if (text.indexOf('{') >= 0 || text.contains("__")) {
                if (source.dataDir() != null) {
                    text = text.replace("{DATA_DIR}", slashes(source.dataDir()));
                }
                if (text.contains("{TEMP_DIR}") || text.contains("{TEST_DIR}") || text.contains("__TEST_DIR__")) {
                    String dir = slashes(tempDir());
                    text = text.replace("{TEMP_DIR}", dir).replace("{TEST_DIR}", dir).replace("__TEST_DIR__", dir);
                }
                text = text.replace("__WORKING_DIRECTORY__", slashes(Paths.get("").toAbsolutePath()));
            }
            return text;
        }

        private Path tempDir() {
            if (tempDir == null) {
                try {
                    tempDir = Files.createTempDirectory("slt-");
                } catch (IOException e) {
                    throw new Skip("cannot create a temporary directory: " + e.getMessage());
                }
            }
            return tempDir;
        }

        private void deleteTempDir() {
            if (tempDir == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(tempDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                notes.add("could not delete " + tempDir + ": " + e.getMessage());
            }
        }

        private void fail(Failure failure) {
            failureCount++;
            if (failures.size() < MAX_FAILURES_KEPT) {
                failures.add(failure);
            }
        }
    }

    private static String describe(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Success s -> "success";
            case Outcome.Error e -> firstLine(e.message());
            case Outcome.Crash c -> "driver threw " + c.throwable();
            case Outcome.Timeout t -> "timed out after " + t.limit().toSeconds() + " s and was cancelled";
        };
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String slashes(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
