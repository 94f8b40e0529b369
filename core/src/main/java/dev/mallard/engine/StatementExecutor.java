package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.CatalogEntry;
import dev.mallard.catalog.ColumnDefinition;
import dev.mallard.catalog.TableEntry;
import dev.mallard.catalog.UniqueConstraint;
import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.QueryExecutor;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.expression.Expr;
import dev.mallard.optimizer.Optimizer;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.planner.BindContext;
import dev.mallard.planner.QueryBinder;
import dev.mallard.planner.subquery.SubqueryUnnester;
import dev.mallard.sql.tree.*;
import dev.mallard.storage.Snapshot;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.Lock;

/**
 * Runs one parsed statement for a connection: queries go through binder, subquery unnesting,
 * optimizer and executor; DDL and DML are applied here, after every check has passed.
 */
final class StatementExecutor {
    private final ClientContext client;
    /** The transaction of the statement running (statements of one connection run one at a time). */
    private Transaction current;
    private final DdlExecutor ddl;
    private final ModificationExecutor dml;
    private final RecursiveCteExecution recursion = new RecursiveCteExecution(this);
    private final CopyStatement copy = new CopyStatement(this);

    StatementExecutor(ClientContext client) {
        this.client = client;
        this.ddl = new DdlExecutor(this);
        this.dml = new ModificationExecutor(this);
    }

    ModificationExecutor modifications() {
        return dml;
    }

    ClientContext client() {
        return client;
    }

    DatabaseInstance database() {
        return client.database();
    }

    static boolean returnsRows(Statement st) {
        return switch (st) {
            case Query q -> true;
            case Explain e -> true;
            case Describe d -> true;
            case ShowTables s -> true;
            case Summarize s -> true;
            case Pragma p -> true;
            case Insert i -> !i.returning().isEmpty();
            case Update u -> !u.returning().isEmpty();
            case Delete d -> !d.returning().isEmpty();
            default -> false;
        };
    }

    BindContext bindContext(String sql, List<Values.Typed> params) {
        return new BindContext(catalog(), params, sql, client.settings().integerDivision(),
                client.settings().nullOrder(), recursion, client.sessionTables());
    }

    /** The catalog as the running statement's transaction sees it. */
    dev.mallard.catalog.CatalogReader catalog() {
        return database().catalogFor(current);
    }

    /** Runs independent tasks (building row groups of a bulk insert) on the statement's threads. */
    java.util.function.Consumer<List<Runnable>> parallel() {
        ExecutionContext ctx = executionContext();
        return tasks -> dev.mallard.execution.ParallelTasks.run(ctx, tasks.size(), i -> tasks.get(i).run());
    }

    ExecutionContext executionContext() {
        Snapshot snapshot = current == null ? Snapshot.LATEST : database().snapshot(current);
        return new ExecutionContext(client.settings().threads(), client::cancelRequested, snapshot);
    }

    /** Unnests subqueries and optimizes. */
    static LogicalPlan prepare(LogicalPlan plan) {
        return Optimizer.optimize(SubqueryUnnester.unnest(plan));
    }

    QueryResult run(LogicalPlan plan, List<String> names) {
        return QueryExecutor.execute(prepare(plan), names, executionContext());
    }

    /**
     * Runs one statement. {@code sql} is the text it was parsed from (positions in errors refer to
     * it), {@code text} the statement's own source, which a database file's log records for DDL.
     */
    StatementResult execute(Statement st, String sql, String text, List<Values.Typed> params, Transaction tx) {
        boolean ddl = isDdl(st), dml = isDml(st);
        return underLocks(tx, ddl, dml, () -> {
            StatementResult r = dispatch(st, sql, params, tx);
            if (ddl && tx.redo() != null && logsText(st)) tx.redo().sql(text);
            return r;
        });
    }

    /**
     * Runs a statement of transaction {@code tx}: DDL alone (all writer permits, the exclusive
     * statement lock), row changes with a writer permit and the row-writer lock, queries with the
     * shared statement lock only, so they never wait for writers.
     */
    private StatementResult underLocks(Transaction tx, boolean ddl, boolean dml, java.util.function.Supplier<StatementResult> work) {
        if (ddl || dml) database().beginWrite(tx, ddl);
        Lock lock = database().statementLock(ddl);
        lock.lock();
        if (ddl) {
            try {
                database().requireCurrentSchema(tx);
            } catch (RuntimeException e) {
                lock.unlock();
                throw e;
            }
        }
        if (dml) database().rowWriter().lock();
        Transaction previous = current;
        current = tx;
        try {
            return work.get();
        } finally {
            current = previous;
            if (dml) database().rowWriter().unlock();
            lock.unlock();
        }
    }

    /** Statements that change rows. */
    private static boolean isDml(Statement st) {
        return st instanceof Insert || st instanceof Update || st instanceof Delete || st instanceof Truncate
                || st instanceof Copy c && CopyStatement.writesRows(c);
    }

    /** Statements that change the catalog. */
    private static boolean isDdl(Statement st) {
        return st instanceof CreateTable || st instanceof CreateView || st instanceof CreateSchema || st instanceof CreateIndex
                || st instanceof Drop || st instanceof AlterTable;
    }

    /**
     * DDL is logged as its text: replaying it rebuilds the same catalog entries. Data changes log
     * rows and values instead, as does CREATE TABLE AS (its query might not give the same rows twice).
     */
    private static boolean logsText(Statement st) {
        return st instanceof CreateTable c ? c.asQuery() == null
                : st instanceof CreateView || st instanceof CreateSchema || st instanceof CreateIndex || st instanceof Drop
                || st instanceof AlterTable a && !(a.action() instanceof AddColumn); // ADD COLUMN logs the values it filled in
    }

    /** A batch of parameter rows for one batchable INSERT, run as a single statement. */
    StatementResult executeInsertBatch(Insert insert, String sql, List<List<Values.Typed>> batch, Transaction tx) {
        return underLocks(tx, false, true, () -> dml.insertBatch(insert, sql, batch, tx));
    }

    /** A batchable INSERT run once per row of {@code rows}, as one statement. */
    StatementResult executeInsertRows(Insert insert, String sql, ChunkCollection rows, Transaction tx) {
        return underLocks(tx, false, true, () -> dml.insertRows(insert, sql, rows, tx));
    }

    /** Rows handed over by an appender, inserted as one statement. */
    StatementResult executeAppend(dev.mallard.sql.tree.QualifiedName table, int[] columns, ChunkCollection rows, Transaction tx) {
        return underLocks(tx, false, true, () -> dml.append(table, columns, rows, tx));
    }

    private StatementResult dispatch(Statement st, String sql, List<Values.Typed> params, Transaction tx) {
        return switch (st) {
            case Query q -> {
                QueryBinder.Bound b = new QueryBinder(bindContext(sql, params)).bind(q);
                yield run(b.plan(), b.names());
            }
            case Insert i -> dml.insert(i, sql, params, tx);
            case Update u -> dml.update(u, sql, params, tx);
            case Delete d -> dml.delete(d, sql, params, tx);
            case Truncate t -> dml.truncate(t, sql, tx);
            case CreateTable c -> ddl.createTable(c, sql, params, tx);
            case CreateView c -> ddl.createView(c, sql, tx);
            case CreateSchema c -> ddl.createSchema(c, tx);
            case CreateIndex c -> ddl.createIndex(c, sql, tx);
            case Drop d -> ddl.drop(d, tx);
            case AlterTable a -> ddl.alter(a, sql, tx);
            case Explain e -> explain(e, sql, params);
            case Describe d -> describe(d, sql, params);
            case ShowTables s -> showTables(s);
            case Summarize s -> new SummarizeStatement(this).execute(s, sql, params);
            case SetVariable s when s.name().toString().equalsIgnoreCase("memory_limit") -> {
                String limit = String.valueOf(settingValue(s.value(), sql));
                database().setMemoryLimit(Settings.memoryLimit(limit));
                client.settings().set("memory_limit", limit);
                yield new UpdateResult(0);
            }
            case SetVariable s when s.name().toString().equalsIgnoreCase("wal_autocheckpoint") -> {
                database().setWalLimit(Settings.bytes(String.valueOf(settingValue(s.value(), sql))));
                yield new UpdateResult(0);
            }
            case SetVariable s -> {
                client.settings().set(s.name().toString(), settingValue(s.value(), sql));
                yield new UpdateResult(0);
            }
            case ResetVariable r -> {
                client.settings().reset(r.name().toString());
                yield new UpdateResult(0);
            }
            case Pragma p -> pragma(p, sql);
            case TransactionStatement t -> {
                switch (t.kind()) {
                    case BEGIN -> client.begin();
                    case COMMIT -> client.endTransaction(true);
                    case ROLLBACK -> client.endTransaction(false);
                }
                yield new UpdateResult(0);
            }
            case Checkpoint c -> {
                database().checkpoint(tx);
                yield new UpdateResult(0);
            }
            case Copy c -> copy.run(c, sql, params, tx);
            case Call c -> throw new MallardException.NotImplemented("CALL " + c.name() + " is not supported yet");
        };
    }

    private Object settingValue(Expression value, String sql) {
        if (value == null) return null;
        if (value instanceof dev.mallard.sql.tree.ColumnRef c) return c.name().toString();
        Expr e = new QueryBinder(bindContext(sql, List.of())).bindExpression(value, List.of(), List.of(), List.of());
        Object v = ExpressionEvaluator.evaluateConstant(e);
        return Values.toText(e.type(), v);
    }

    private StatementResult explain(Explain e, String sql, List<Values.Typed> params) {
        if (!(e.statement() instanceof Query q)) {
            throw new MallardException.NotImplemented("EXPLAIN supports queries only");
        }
        QueryBinder.Bound b = new QueryBinder(bindContext(sql, params)).bind(q);
        LogicalPlan plan = prepare(b.plan());
        if (e.analyze()) {
            long start = System.nanoTime();
            ExecutionContext ctx = executionContext();
            long rows = ChunkCollection.drain(QueryExecutor.execute(plan, b.names(), ctx)).rowCount();
            double ms = (System.nanoTime() - start) / 1e6;
            String text = QueryExecutor.explain(plan) + String.format(Locale.ROOT, "%nTotal time: %.3f ms, %d rows%n", ms, rows)
                    + String.format(Locale.ROOT, "Rows skipped by zone maps: %d%n", ctx.rowsSkipped());
            return new MaterializedResult(List.of("explain_key", "explain_value"), List.of(LogicalType.VARCHAR, LogicalType.VARCHAR),
                    List.<Object[]>of(new Object[] {"analyzed_plan", text}));
        }
        return new MaterializedResult(List.of("explain_key", "explain_value"), List.of(LogicalType.VARCHAR, LogicalType.VARCHAR),
                List.<Object[]>of(new Object[] {"physical_plan", QueryExecutor.explain(plan)}));
    }

    private StatementResult describe(Describe d, String sql, List<Values.Typed> params) {
        List<String> names = List.of("column_name", "column_type", "null", "key", "default", "extra");
        List<LogicalType> types = List.of(LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR,
                LogicalType.VARCHAR, LogicalType.VARCHAR);
        List<Object[]> rows = new ArrayList<>();
        if (d.table() != null) {
            QualifiedName n = d.table();
            String schema = n.size() >= 2 ? n.parts().get(n.size() - 2).value() : null;
            CatalogEntry entry = catalog().find(schema, n.last().value());
            if (entry instanceof TableEntry t) {
                for (int i = 0; i < t.columns().size(); i++) {
                    ColumnDefinition c = t.columns().get(i);
                    String key = null;
                    for (UniqueConstraint u : t.uniques()) {
                        if (u.columns().contains(i)) key = u.primaryKey() ? "PRI" : key == null ? "UNI" : key;
                    }
                    rows.add(new Object[] {c.name(), c.type().toString(), c.notNull() ? "NO" : "YES", key, c.defaultSql(), null});
                }
                return new MaterializedResult(names, types, rows);
            }
            // A view (or an unknown name, which the binder reports): describe the query over it.
            Query q = Query.of(new Select(n.position(), false, List.of(),
                    List.of(new SelectStar(n.position(), null, List.of(), List.of())), new TableRef(n.position(), n, null),
                    null, null, null, List.of(), null));
            return describeQuery(q, sql, params, names, types);
        }
        return describeQuery(d.query(), sql, params, names, types);
    }

    private StatementResult describeQuery(Query q, String sql, List<Values.Typed> params, List<String> names, List<LogicalType> types) {
        QueryBinder.Bound b = new QueryBinder(bindContext(sql, params)).bind(q);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < b.names().size(); i++) {
            rows.add(new Object[] {b.names().get(i), b.plan().outputs().get(i).type().toString(), "YES", null, null, null});
        }
        return new MaterializedResult(names, types, rows);
    }

    private StatementResult showTables(ShowTables s) {
        List<CatalogEntry> entries = new ArrayList<>(catalog().entries());
        if (s.all()) {
            entries.sort(Comparator.comparing(CatalogEntry::schema).thenComparing(CatalogEntry::name));
            List<Object[]> rows = new ArrayList<>();
            for (CatalogEntry e : entries) {
                rows.add(new Object[] {"memory", e.schema(), e.name(), e instanceof TableEntry ? "BASE TABLE" : "VIEW"});
            }
            return new MaterializedResult(List.of("database", "schema", "name", "type"),
                    List.of(LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR), rows);
        }
        String schema = s.schema() == null ? "main" : s.schema().last().value();
        List<Object[]> rows = new ArrayList<>();
        entries.stream().filter(e -> e.schema().equalsIgnoreCase(schema)).map(CatalogEntry::name)
                .sorted().forEach(n -> rows.add(new Object[] {n}));
        return new MaterializedResult(List.of("name"), List.of(LogicalType.VARCHAR), rows);
    }

    private StatementResult pragma(Pragma p, String sql) {
        String name = p.name().value().toLowerCase(Locale.ROOT);
        switch (name) {
            case "table_info", "show" -> {
                if (p.arguments().size() != 1) throw new MallardException.Binder("PRAGMA " + name + " takes the table name");
                Object arg = settingValue(p.arguments().get(0), sql);
                return describe(new Describe(p.position(), QualifiedName.of(arg.toString()), null), sql, List.of());
            }
            case "synchronous" -> {
                if (p.arguments().isEmpty()) {
                    return new MaterializedResult(List.of("synchronous"), List.of(LogicalType.VARCHAR),
                            List.<Object[]>of(new Object[] {database().syncCommits() ? "full" : "off"}));
                }
                String mode = String.valueOf(settingValue(p.arguments().get(0), sql)).toLowerCase(Locale.ROOT);
                switch (mode) {
                    case "off", "0", "false" -> database().setSyncCommits(false);
                    case "normal", "full", "extra", "1", "2", "3", "true" -> database().setSyncCommits(true);
                    default -> throw MallardException.Data.invalidArgument("PRAGMA synchronous takes off, normal or full, got '" + mode + "'");
                }
                return new MaterializedResult(List.of("Success"), List.of(LogicalType.BOOLEAN), List.of());
            }
            case "integrity_check" -> {
                List<Object[]> rows = new ArrayList<>();
                for (String line : database().integrityCheck()) rows.add(new Object[] {line});
                return new MaterializedResult(List.of("integrity_check"), List.of(LogicalType.VARCHAR), rows);
            }
            case "database_size" -> {
                long[] sizes = database().fileSizes();
                return new MaterializedResult(List.of("database_name", "database_size", "wal_size", "memory_usage", "memory_limit"),
                        List.of(LogicalType.VARCHAR, LogicalType.BIGINT, LogicalType.BIGINT, LogicalType.BIGINT, LogicalType.BIGINT),
                        List.<Object[]>of(new Object[] {database().path() == null ? "memory" : database().path().toString(), sizes[0], sizes[1],
                            sizes[2], sizes[3]}));
            }
            case "enable_checkpoint_on_shutdown", "disable_checkpoint_on_shutdown" -> {
                database().setCheckpointOnClose(name.startsWith("enable"));
                return new MaterializedResult(List.of("Success"), List.of(LogicalType.BOOLEAN), List.of());
            }
            case "enable_verification", "disable_verification" -> {
                client.settings().set("enable_verification", name.startsWith("enable"));
                return new MaterializedResult(List.of("Success"), List.of(LogicalType.BOOLEAN), List.of());
            }
            case "show_tables" -> {
                return showTables(new ShowTables(p.position(), false, null));
            }
            case "version" -> {
                return new MaterializedResult(List.of("library_version"), List.of(LogicalType.VARCHAR),
                        List.<Object[]>of(new Object[] {Version.VERSION}));
            }
            default -> {
                if (p.assignment() || p.arguments().size() == 1) {
                    client.settings().set(name, p.arguments().isEmpty() ? null : settingValue(p.arguments().get(0), sql));
                    return new MaterializedResult(List.of("Success"), List.of(LogicalType.BOOLEAN), List.of());
                }
                String v = client.settings().get(name);
                if (v == null) throw MallardException.Catalog.undefinedFunction("unknown PRAGMA \"" + name + "\"");
                return new MaterializedResult(List.of(name), List.of(LogicalType.VARCHAR), List.<Object[]>of(new Object[] {v}));
            }
        }
    }
}
