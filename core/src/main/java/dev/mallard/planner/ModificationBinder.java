package dev.mallard.planner;

import dev.mallard.MallardException;
import dev.mallard.catalog.CatalogEntry;
import dev.mallard.catalog.ColumnDefinition;
import dev.mallard.catalog.TableEntry;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.planner.ExpressionBinder.Clause;
import dev.mallard.sql.parser.SqlParser;
import dev.mallard.sql.tree.*;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds INSERT, UPDATE and DELETE into plans that compute the rows to write. The engine runs the
 * plan, checks constraints on the whole result, and only then touches storage, so a statement that
 * fails changes nothing.
 */
public final class ModificationBinder {
    /**
     * @param plan     outputs one column per table column, in table order, already of the column types
     * @param checks   one BOOLEAN output per CHECK constraint follows the table columns in the plan
     */
    public record InsertPlan(TableEntry table, LogicalPlan plan, int checkCount, OnConflict onConflict, ConflictUpdate conflictUpdate) {}

    /**
     * ON CONFLICT DO UPDATE (and INSERT OR REPLACE): how to turn a proposed row that collides with
     * an existing one into an update of that row.
     *
     * @param keyColumns the conflict target, as table column indexes
     * @param existing   symbols for the existing row's columns (table order)
     * @param excluded   symbols for the proposed row's columns (table order), {@code EXCLUDED.col}
     * @param rowId      symbol for the existing row's id
     * @param plan       over a scan producing existing ++ excluded ++ rowId: outputs the row id, every
     *                   column's new value, one BOOLEAN per CHECK, then the WHERE condition (TRUE if none)
     * @param changed    the columns the SET clause assigns
     */
    public record ConflictUpdate(List<Integer> keyColumns, List<ColumnRef> existing, List<ColumnRef> excluded, ColumnRef rowId,
                                 java.util.function.Function<LogicalPlan, LogicalPlan> plan, List<Integer> changed, int checkCount) {}

    /**
     * @param plan    outputs the row id, then every table column's new value, then one BOOLEAN per CHECK
     * @param changed which table columns the SET clause assigns
     */
    public record UpdatePlan(TableEntry table, LogicalPlan plan, List<Integer> changed, int checkCount) {}

    /** @param plan outputs the row ids to delete */
    public record DeletePlan(TableEntry table, LogicalPlan plan) {}

    private final QueryBinder queries;
    private final BindContext ctx;

    public ModificationBinder(BindContext ctx) {
        this.ctx = ctx;
        this.queries = new QueryBinder(ctx);
    }

    public TableEntry table(QualifiedName name) {
        String schema = name.size() >= 2 ? name.parts().get(name.size() - 2).value() : null;
        CatalogEntry e = ctx.catalog().find(schema, name.last().value());
        if (e == null) {
            throw MallardException.Catalog.undefinedTable(ctx.at("table \"" + name + "\" does not exist"
                    + NameSuggestions.hint(name.last().value(), ctx.catalog().names(schema)), name.position()));
        }
        if (!(e instanceof TableEntry t)) {
            throw new MallardException.Binder("42809", ctx.at("\"" + name + "\" is a view; only tables can be modified", name.position()));
        }
        ctx.catalog().requireLatest(t);
        return t;
    }

    private int column(TableEntry t, Identifier id) {
        int i = t.columnIndex(id.value());
        if (i < 0) {
            throw MallardException.Catalog.undefinedColumn(ctx.at("column \"" + id.value() + "\" of table \"" + t.name()
                    + "\" does not exist" + NameSuggestions.hint(id.value(), t.columnNames()), id.position()));
        }
        return i;
    }

    /** The DEFAULT of a column as a bound expression of its type (NULL when none). */
    public Expr defaultValue(ColumnDefinition c) {
        if (c.defaultSql() == null) return new Constant(null, c.type());
        Expression e = SqlParser.parseExpression(c.defaultSql());
        Expr bound = queries.expressions().bind(e, Scope.empty(null), Clause.OTHER);
        return ExpressionBinder.cast(bound, c.type(), false);
    }

    public InsertPlan bindInsert(Insert insert) {
        return bindInsert(insert, null);
    }

    /** True when a batch of parameter rows can run as one INSERT: a single VALUES row of a plain INSERT. */
    public static boolean batchable(Insert insert) {
        return insert.source() != null && !insert.source().hasModifiers()
                && insert.source().body() instanceof dev.mallard.sql.tree.Values v && v.rows().size() == 1
                && insert.returning().isEmpty();
    }

    /**
     * Binds an INSERT; with {@code batch}, its single VALUES row is bound once per parameter row,
     * so a JDBC batch becomes one statement: one plan, one constraint check, one append.
     */
    public InsertPlan bindInsert(Insert insert, List<List<dev.mallard.types.Values.Typed>> batch) {
        return bindInsert(insert, batch, null);
    }

    /**
     * Binds a {@linkplain #batchable batchable} INSERT whose VALUES row is all parameters with
     * {@code rows} as its source: every row of it, already in the target columns' types, stands for
     * one binding of the parameters. A JDBC batch whose values are in vectors already, bound once
     * rather than once per row (ON CONFLICT and defaults as for any INSERT).
     */
    public InsertPlan bindInsertRows(Insert insert, dev.mallard.function.table.BoundTableFunction rows) {
        return bindInsert(insert, null, rows);
    }

    private InsertPlan bindInsert(Insert insert, List<List<dev.mallard.types.Values.Typed>> batch,
            dev.mallard.function.table.BoundTableFunction columnar) {
        queries.addStatementCtes(insert.with());
        TableEntry t = table(insert.table());
        List<Integer> targets = new ArrayList<>();
        if (insert.columns().isEmpty()) {
            for (int i = 0; i < t.columns().size(); i++) targets.add(i);
        } else {
            Set<Integer> seen = new HashSet<>();
            for (Identifier id : insert.columns()) {
                int i = column(t, id);
                if (!seen.add(i)) {
                    throw new MallardException.Binder("42701", ctx.at("column \"" + id.value() + "\" specified more than once", id.position()));
                }
                targets.add(i);
            }
        }
        LogicalPlan source;
        List<ColumnRef> sourceCols;
        if (insert.defaultValues()) {
            ColumnRef dummy = ColumnIds.fresh("dummy", LogicalType.INTEGER);
            source = new LogicalPlan.Values(List.of(dummy), List.of(List.of(new Constant(0, LogicalType.INTEGER))));
            sourceCols = List.of();
            targets = List.of();
        } else if (columnar != null) {
            List<ColumnRef> outs = new ArrayList<>();
            List<LogicalType> expected = new ArrayList<>();
            for (int i : targets) {
                outs.add(ColumnIds.fresh(t.columns().get(i).name(), t.columns().get(i).type()));
                expected.add(t.columns().get(i).type());
            }
            if (!batchable(insert) || insert.source().body() instanceof dev.mallard.sql.tree.Values v
                    && !v.rows().get(0).stream().allMatch(e -> e instanceof dev.mallard.sql.tree.Parameter)) {
                throw new MallardException.Binder("42601", "rows in vectors need an INSERT whose VALUES is one row of parameters");
            }
            if (!columnar.columnTypes().equals(expected)) {
                throw new MallardException.Binder("42804", "the rows have types " + columnar.columnTypes() + " but their columns of table "
                        + t.name() + " have " + expected);
            }
            source = new LogicalPlan.TableFunctionScan(columnar, outs);
            sourceCols = outs;
        } else if (insert.source().body() instanceof dev.mallard.sql.tree.Values v && !insert.source().hasModifiers()) {
            // VALUES rows cast straight to the column types (and may say DEFAULT).
            List<ColumnRef> outs = new ArrayList<>();
            for (int i : targets) outs.add(ColumnIds.fresh(t.columns().get(i).name(), t.columns().get(i).type()));
            List<List<Expr>> rows = new ArrayList<>();
            List<ExpressionBinder> binders = new ArrayList<>();
            if (batch == null) binders.add(queries.expressions());
            else for (List<dev.mallard.types.Values.Typed> params : batch) binders.add(new QueryBinder(ctx.withParameters(params)).expressions());
            for (ExpressionBinder rowBinder : binders)
            for (List<Expression> row : v.rows()) {
                if (row.size() != targets.size()) {
                    throw new MallardException.Binder(ctx.at("table " + t.name() + " has " + targets.size() + " target columns but "
                            + row.size() + " values were supplied", row.isEmpty() ? v.position() : row.get(0).position()));
                }
                List<Expr> bound = new ArrayList<>();
                for (int k = 0; k < row.size(); k++) {
                    ColumnDefinition c = t.columns().get(targets.get(k));
                    Expression e = row.get(k);
                    Expr b = e instanceof DefaultExpression ? defaultValue(c) : rowBinder.bind(e, Scope.empty(null), Clause.OTHER);
                    bound.add(assignCast(b, c, e.position()));
                }
                rows.add(bound);
            }
            source = new LogicalPlan.Values(outs, rows);
            sourceCols = outs;
        } else {
            QueryBinder.Bound q = queries.bind(insert.source());
            List<ColumnRef> outs = q.plan().outputs();
            if (outs.size() != targets.size()) {
                throw new MallardException.Binder(ctx.at("table " + t.name() + " has " + targets.size() + " target columns but the query "
                        + "supplies " + outs.size(), insert.position()));
            }
            List<Assignment> casts = new ArrayList<>();
            List<ColumnRef> cols = new ArrayList<>();
            for (int k = 0; k < outs.size(); k++) {
                ColumnDefinition c = t.columns().get(targets.get(k));
                ColumnRef r = ColumnIds.fresh(c.name(), c.type());
                casts.add(new Assignment(r, assignCast(outs.get(k), c, insert.position())));
                cols.add(r);
            }
            source = new LogicalPlan.Project(q.plan(), casts);
            sourceCols = cols;
        }
        OnConflict oc = insert.onConflict();
        ConflictUpdate cu = oc == null || oc.action() == dev.mallard.sql.tree.ConflictAction.NOTHING ? null : bindConflictUpdate(t, oc, insert);
        return fullRows(t, source, sourceCols, targets, oc, cu);
    }

    /**
     * Binds the rows an appender hands over: {@code rows} has exactly the table's column types, in
     * table order, so no casts or defaults apply; constraints are checked as for any INSERT.
     */
    public InsertPlan bindAppend(QualifiedName name, int[] columns, dev.mallard.function.table.BoundTableFunction rows) {
        TableEntry t = table(name);
        List<Integer> targets = new ArrayList<>();
        if (columns == null) {
            for (int i = 0; i < t.columns().size(); i++) targets.add(i);
        } else {
            for (int c : columns) targets.add(c);
        }
        List<dev.mallard.types.LogicalType> expected = new ArrayList<>();
        for (int i : targets) expected.add(t.columns().get(i).type());
        if (!rows.columnTypes().equals(expected)) {
            throw new MallardException.Binder("42804", "appended rows have types " + rows.columnTypes()
                    + " but their columns of table " + t.name() + " have " + expected);
        }
        List<ColumnRef> outs = new ArrayList<>();
        for (int i : targets) outs.add(ColumnIds.fresh(t.columns().get(i).name(), t.columns().get(i).type()));
        return fullRows(t, new LogicalPlan.TableFunctionScan(rows, outs), outs, targets, null, null);
    }

    /** Full rows in table order: supplied columns, defaults for the rest, then CHECK results. */
    private InsertPlan fullRows(TableEntry t, LogicalPlan source, List<ColumnRef> sourceCols, List<Integer> targets,
            OnConflict oc, ConflictUpdate cu) {
        List<Assignment> row = new ArrayList<>();
        List<ColumnRef> newRow = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnDefinition c = t.columns().get(i);
            int k = targets.indexOf(i);
            Expr value = k >= 0 ? sourceCols.get(k) : defaultValue(c);
            ColumnRef r = ColumnIds.fresh(c.name(), c.type());
            row.add(new Assignment(r, value));
            newRow.add(r);
        }
        LogicalPlan plan = new LogicalPlan.Project(source, row);
        int checks = t.checks().size();
        if (checks > 0) plan = withChecks(plan, t, newRow, newRow);
        return new InsertPlan(t, plan, checks, oc, cu);
    }

    /** The conflict target as column indexes: the named columns, else the primary key (else the only unique constraint). */
    public List<Integer> conflictTarget(TableEntry t, OnConflict oc) {
        if (!oc.targetColumns().isEmpty()) {
            List<Integer> cols = new ArrayList<>();
            for (Identifier id : oc.targetColumns()) cols.add(column(t, id));
            for (var u : t.uniques()) {
                if (u.columns().size() == cols.size() && u.columns().containsAll(cols)) return u.columns();
            }
            throw new MallardException.Binder("42P10", ctx.at("there is no PRIMARY KEY or UNIQUE constraint on " + t.name()
                    + " matching the ON CONFLICT columns " + oc.targetColumns(), oc.position()));
        }
        if (t.primaryKey() != null) return t.primaryKey().columns();
        if (t.uniques().size() == 1) return t.uniques().get(0).columns();
        throw new MallardException.Binder("42P10", ctx.at(t.uniques().isEmpty()
                ? "ON CONFLICT needs a PRIMARY KEY or UNIQUE constraint on " + t.name()
                : "ON CONFLICT without columns is ambiguous: " + t.name() + " has several unique constraints; name the columns",
                oc.position()));
    }

    private ConflictUpdate bindConflictUpdate(TableEntry t, OnConflict oc, Insert insert) {
        List<Integer> key = conflictTarget(t, oc);
        String relation = insert.alias() != null ? insert.alias().value() : t.name();
        List<ColumnRef> existing = new ArrayList<>();
        List<ColumnRef> excluded = new ArrayList<>();
        List<Scope.Column> cols = new ArrayList<>();
        for (ColumnDefinition c : t.columns()) {
            ColumnRef e = ColumnIds.fresh(c.name(), c.type());
            existing.add(e);
            cols.add(new Scope.Column(relation, c.name(), e, false));
        }
        for (ColumnDefinition c : t.columns()) {
            ColumnRef x = ColumnIds.fresh(c.name(), c.type());
            excluded.add(x);
            cols.add(new Scope.Column("excluded", c.name(), x, false));
        }
        ColumnRef rowId = ColumnIds.fresh("rowid", LogicalType.BIGINT);
        // Unqualified names mean the existing row's columns (PostgreSQL); EXCLUDED.c the proposed value.
        Scope scope = new Scope(null, cols, cols.subList(0, existing.size()));
        Expr[] values = existing.toArray(new Expr[0]);
        List<Integer> changed = new ArrayList<>();
        if (oc.action() == dev.mallard.sql.tree.ConflictAction.REPLACE) {
            for (int i = 0; i < values.length; i++) {
                if (!key.contains(i)) {
                    values[i] = excluded.get(i);
                    changed.add(i);
                }
            }
        } else {
            for (dev.mallard.sql.tree.Assignment a : oc.assignments()) {
                int i = column(t, a.column());
                if (changed.contains(i)) {
                    throw new MallardException.Binder("42701", ctx.at("multiple assignments to column \"" + a.column().value() + "\"", a.position()));
                }
                changed.add(i);
                ColumnDefinition c = t.columns().get(i);
                Expr v = a.value() instanceof DefaultExpression ? defaultValue(c) : queries.expressions().bind(a.value(), scope, Clause.OTHER);
                values[i] = assignCast(v, c, a.position());
            }
        }
        Expr where = oc.where() == null ? new Constant(true, LogicalType.BOOLEAN)
                : queries.expressions().toBoolean(queries.expressions().bind(oc.where(), scope, Clause.WHERE), oc.where().position());
        Expr[] finalValues = values;
        java.util.function.Function<LogicalPlan, LogicalPlan> build = scan -> {
            List<Assignment> row = new ArrayList<>();
            ColumnRef outId = ColumnIds.fresh("rowid", LogicalType.BIGINT);
            row.add(new Assignment(outId, rowId));
            List<ColumnRef> newRow = new ArrayList<>();
            for (int i = 0; i < finalValues.length; i++) {
                ColumnRef r = ColumnIds.fresh(t.columns().get(i).name(), t.columns().get(i).type());
                row.add(new Assignment(r, finalValues[i]));
                newRow.add(r);
            }
            ColumnRef cond = ColumnIds.fresh("where", LogicalType.BOOLEAN);
            row.add(new Assignment(cond, where));
            LogicalPlan p = new LogicalPlan.Project(scan, row);
            if (t.checks().isEmpty()) return p;
            // CHECKs read the new values, so they are computed one projection up, before the WHERE column.
            List<Assignment> out = new ArrayList<>();
            out.add(new Assignment(outId, outId));
            for (ColumnRef r : newRow) out.add(new Assignment(r, r));
            out.addAll(checkAssignments(t, newRow));
            out.add(new Assignment(cond, cond));
            return new LogicalPlan.Project(p, out);
        };
        return new ConflictUpdate(key, existing, excluded, rowId, build, changed, t.checks().size());
    }



    /** Appends one BOOLEAN column per CHECK constraint, evaluated over the new row values. */
    private LogicalPlan withChecks(LogicalPlan plan, TableEntry t, List<ColumnRef> passThrough, List<ColumnRef> newRow) {
        List<Assignment> out = new ArrayList<>();
        for (ColumnRef r : plan.outputs()) out.add(new Assignment(r, r));
        out.addAll(checkAssignments(t, newRow));
        return new LogicalPlan.Project(plan, out);
    }

    private List<Assignment> checkAssignments(TableEntry t, List<ColumnRef> newRow) {
        List<Assignment> out = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (int i = 0; i < newRow.size(); i++) relations.add(t.name());
        for (String check : t.checks()) {
            Expr e = queries.bindExpression(SqlParser.parseExpression(check), relations, t.columnNames(), newRow);
            out.add(new Assignment(ColumnIds.fresh("check", LogicalType.BOOLEAN), queries.expressions().toBoolean(e, Position.UNKNOWN)));
        }
        return out;
    }

    /** Assignment casts follow PostgreSQL: any type converts to the column type if a cast exists (checked at run time). */
    private Expr assignCast(Expr value, ColumnDefinition c, Position pos) {
        return ExpressionBinder.cast(value, c.type(), false);
    }

    /** The rows an UPDATE or DELETE may touch: the table with its row ids, joined with a FROM/USING relation if any. */
    private record Target(LogicalPlan plan, Scope scope, List<ColumnRef> columns, ColumnRef rowId) {}

    private Target target(TableEntry t, Identifier alias, Relation extra, Expression where) {
        String relation = alias != null ? alias.value() : t.name();
        ColumnRef rowId = ColumnIds.fresh("rowid", LogicalType.BIGINT);
        List<ColumnRef> cols = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        List<ColumnRef> outs = new ArrayList<>();
        List<Scope.Column> scopeCols = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnRef r = ColumnIds.fresh(t.columns().get(i).name(), t.columns().get(i).type());
            cols.add(r);
            idx.add(i);
            outs.add(r);
            scopeCols.add(new Scope.Column(relation, t.columns().get(i).name(), r, false));
        }
        idx.add(LogicalPlan.Get.ROW_ID);
        outs.add(rowId);
        LogicalPlan plan = new LogicalPlan.Get(t, idx, outs);
        List<Scope.Column> merged = List.of();
        if (extra != null) {
            QueryBinder.From from = queries.bindRelation(extra, null);
            scopeCols.addAll(from.scope().columns());
            merged = from.scope().merged();
            plan = new LogicalPlan.Join(LogicalPlan.JoinType.INNER, plan, from.plan(), null, null, false);
        }
        Scope scope = new Scope(null, scopeCols, merged);
        if (where != null) {
            Expr w = queries.expressions().bind(where, scope, Clause.WHERE);
            plan = new LogicalPlan.Filter(plan, queries.expressions().toBoolean(w, where.position()));
        }
        return new Target(plan, scope, cols, rowId);
    }

    public UpdatePlan bindUpdate(Update update) {
        queries.addStatementCtes(update.with());
        TableEntry t = table(update.table());
        Target target = target(t, update.alias(), update.from(), update.where());
        List<ColumnRef> cols = target.columns();
        Expr[] values = cols.toArray(new Expr[0]);
        List<Integer> changed = new ArrayList<>();
        for (dev.mallard.sql.tree.Assignment a : update.assignments()) {
            int i = column(t, a.column());
            if (changed.contains(i)) {
                throw new MallardException.Binder("42701", ctx.at("multiple assignments to column \"" + a.column().value() + "\"",
                        a.position()));
            }
            changed.add(i);
            ColumnDefinition c = t.columns().get(i);
            Expr v = a.value() instanceof DefaultExpression ? defaultValue(c)
                    : queries.expressions().bind(a.value(), target.scope(), Clause.OTHER);
            values[i] = assignCast(v, c, a.position());
        }
        List<Assignment> row = new ArrayList<>();
        row.add(new Assignment(ColumnIds.fresh("rowid", LogicalType.BIGINT), target.rowId()));
        List<ColumnRef> newRow = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ColumnRef r = ColumnIds.fresh(t.columns().get(i).name(), t.columns().get(i).type());
            row.add(new Assignment(r, values[i]));
            newRow.add(r);
        }
        LogicalPlan plan = new LogicalPlan.Project(target.plan(), row);
        int checks = t.checks().size();
        if (checks > 0) plan = withChecks(plan, t, plan.outputs(), newRow);
        return new UpdatePlan(t, plan, changed, checks);
    }

    public DeletePlan bindDelete(Delete delete) {
        queries.addStatementCtes(delete.with());
        TableEntry t = table(delete.table());
        Target target = target(t, delete.alias(), delete.using(), delete.where());
        ColumnRef out = ColumnIds.fresh("rowid", LogicalType.BIGINT);
        LogicalPlan plan = new LogicalPlan.Project(target.plan(), List.of(new Assignment(out, target.rowId())));
        if (delete.using() != null) {
            // A row joined to several USING rows is still deleted once.
            ColumnRef distinct = ColumnIds.fresh("rowid", LogicalType.BIGINT);
            plan = new LogicalPlan.Aggregate(plan, List.of(new Assignment(distinct, out)), List.of());
        }
        return new DeletePlan(t, plan);
    }
}
