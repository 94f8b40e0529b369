package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.Catalog;
import dev.mallard.catalog.CatalogChange;
import dev.mallard.catalog.CatalogEntry;
import dev.mallard.catalog.CatalogScript;
import dev.mallard.catalog.ColumnDefinition;
import dev.mallard.catalog.TableEntry;
import dev.mallard.catalog.UniqueConstraint;
import dev.mallard.catalog.ViewEntry;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.expression.Expr;
import dev.mallard.plan.ColumnIds;
import dev.mallard.planner.ModificationBinder;
import dev.mallard.planner.NameSuggestions;
import dev.mallard.planner.QueryBinder;
import dev.mallard.planner.TypeResolver;
import dev.mallard.sql.parser.SqlParser;
import dev.mallard.sql.tree.*;
import dev.mallard.storage.DataTable;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CREATE, DROP and ALTER. Each change to the catalog registers its undo with the transaction. */
final class DdlExecutor {
    private final StatementExecutor statements;

    DdlExecutor(StatementExecutor statements) {
        this.statements = statements;
    }

    private Catalog catalog() {
        return statements.database().catalog();
    }

    private static String schemaOf(QualifiedName n) {
        return n.size() >= 2 ? n.parts().get(n.size() - 2).value() : Catalog.DEFAULT_SCHEMA;
    }

    /** A versioned catalog change: stamped at commit, taken out at rollback. */
    private static void record(CatalogChange change, Transaction tx) {
        tx.onRollback(change::undo);
        tx.onCommit(change::commit);
    }

    private void add(CatalogEntry entry, Transaction tx) {
        record(catalog().add(entry, tx.id()), tx);
    }

    private void remove(CatalogEntry entry, Transaction tx) {
        record(catalog().remove(entry, tx.id()), tx);
    }

    private void replace(CatalogEntry old, CatalogEntry updated, Transaction tx) {
        record(catalog().put(updated, tx.id()), tx);
        statements.database().indexes().invalidate(((TableEntry) old).storage());
    }

    private void rename(CatalogEntry old, CatalogEntry renamed, Transaction tx) {
        for (CatalogChange c : catalog().rename(old, renamed, tx.id())) record(c, tx);
    }

    /** Handles IF NOT EXISTS / OR REPLACE; returns false when there is nothing left to do. */
    private boolean prepareName(QualifiedName name, boolean ifNotExists, boolean orReplace, boolean view, Transaction tx) {
        String schema = schemaOf(name);
        if (!catalog().hasSchema(schema)) throw MallardException.Catalog.undefinedTable("schema \"" + schema + "\" does not exist");
        CatalogEntry existing = catalog().find(schema, name.last().value());
        if (existing == null) return true;
        if (ifNotExists) return false;
        if (orReplace) {
            if (view != existing instanceof ViewEntry) {
                throw MallardException.Catalog.duplicate("\"" + name + "\" exists and is a " + (view ? "table" : "view"));
            }
            remove(existing, tx);
            return true;
        }
        throw MallardException.Catalog.duplicate((existing instanceof TableEntry ? "table" : "view") + " \"" + name.last().value()
                + "\" already exists");
    }

    StatementResult createTable(CreateTable c, String sql, List<Values.Typed> params, Transaction tx) {
        if (!prepareName(c.name(), c.ifNotExists(), c.orReplace(), false, tx)) return new UpdateResult(0);
        String schema = schemaOf(c.name());
        String name = c.name().last().value();
        if (c.asQuery() != null) {
            QueryBinder.Bound b = new QueryBinder(statements.bindContext(sql, params)).bind(c.asQuery());
            List<ColumnDefinition> cols = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < b.names().size(); i++) {
                String n = b.names().get(i);
                String unique = n;
                for (int k = 1; !seen.add(unique.toLowerCase(Locale.ROOT)); k++) unique = n + "_" + k;
                LogicalType t = b.plan().outputs().get(i).type();
                cols.add(new ColumnDefinition(unique, t.id() == TypeId.NULL ? LogicalType.INTEGER : t, false, null));
            }
            TableEntry table = new TableEntry(schema, name, cols, List.of(), List.of(),
                    new DataTable(cols.stream().map(ColumnDefinition::type).toList()));
            ChunkCollection rows = ChunkCollection.drain(statements.run(castToColumns(b, cols), b.names()));
            table.storage().appendAll(rows.chunks(), 0, statements.parallel());
            add(table, tx);
            RedoLog redo = tx.redo();
            if (redo != null) {
                redo.sql(CatalogScript.createTable(table).replaceFirst("^CREATE TABLE", "CREATE OR REPLACE TABLE"));
                long rowId = 0;
                for (DataChunk chunk : rows.chunks()) {
                    redo.insert(table, rowId, chunk);
                    rowId += chunk.count();
                }
            }
            return new UpdateResult(rows.rowCount());
        }
        List<ColumnDefinition> cols = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<Integer> primaryKey = null;
        Set<String> names = new HashSet<>();
        for (dev.mallard.sql.tree.ColumnDefinition def : c.columns()) {
            if (!names.add(def.name().value().toLowerCase(Locale.ROOT))) {
                throw MallardException.Catalog.duplicate("column \"" + def.name().value() + "\" specified more than once");
            }
        }
        for (int i = 0; i < c.columns().size(); i++) {
            dev.mallard.sql.tree.ColumnDefinition def = c.columns().get(i);
            LogicalType type = TypeResolver.resolve(def.type());
            boolean notNull = false;
            String defaultSql = null;
            for (ColumnConstraint cc : def.constraints()) {
                switch (cc.kind()) {
                    case NOT_NULL -> notNull = true;
                    case NULL, REFERENCES -> { }
                    case PRIMARY_KEY -> {
                        if (primaryKey != null) throw new MallardException.Binder("42P16", "multiple primary keys for table \"" + name + "\" are not allowed");
                        primaryKey = List.of(i);
                        notNull = true;
                    }
                    case UNIQUE -> uniques.add(new UniqueConstraint(List.of(i), false));
                    case DEFAULT -> defaultSql = SqlFormatter.format(cc.expression());
                    case CHECK -> checks.add(SqlFormatter.format(cc.expression()));
                }
            }
            cols.add(new ColumnDefinition(def.name().value(), type, notNull, defaultSql));
        }
        for (TableConstraint tc : c.constraints()) {
            switch (tc.kind()) {
                case PRIMARY_KEY, UNIQUE -> {
                    List<Integer> idx = new ArrayList<>();
                    for (Identifier id : tc.columns()) {
                        int k = indexOf(cols, id.value());
                        if (k < 0) {
                            throw MallardException.Catalog.undefinedColumn("column \"" + id.value() + "\" named in key does not exist"
                                    + NameSuggestions.hint(id.value(), cols.stream().map(ColumnDefinition::name).toList()));
                        }
                        idx.add(k);
                    }
                    if (tc.kind() == TableConstraintKind.PRIMARY_KEY) {
                        if (primaryKey != null) throw new MallardException.Binder("42P16", "multiple primary keys for table \"" + name + "\" are not allowed");
                        primaryKey = idx;
                        for (int k : idx) {
                            ColumnDefinition cd = cols.get(k);
                            cols.set(k, new ColumnDefinition(cd.name(), cd.type(), true, cd.defaultSql()));
                        }
                    } else {
                        uniques.add(new UniqueConstraint(idx, false));
                    }
                }
                case CHECK -> checks.add(SqlFormatter.format(tc.check()));
                case FOREIGN_KEY -> { }
            }
        }
        if (primaryKey != null) uniques.add(0, new UniqueConstraint(primaryKey, true));
        TableEntry table = new TableEntry(schema, name, cols, uniques, checks,
                new DataTable(cols.stream().map(ColumnDefinition::type).toList()));
        validateExpressions(table, sql);
        add(table, tx);
        return new UpdateResult(0);
    }

    /** Binds DEFAULTs and CHECKs once at CREATE so mistakes surface now, not at the first INSERT. */
    private void validateExpressions(TableEntry table, String sql) {
        ModificationBinder mb = new ModificationBinder(statements.bindContext(sql, List.of()));
        for (ColumnDefinition c : table.columns()) mb.defaultValue(c);
        if (!table.checks().isEmpty()) {
            QueryBinder qb = new QueryBinder(statements.bindContext(sql, List.of()));
            List<Expr.ColumnRef> refs = new ArrayList<>();
            List<String> relations = new ArrayList<>();
            for (ColumnDefinition c : table.columns()) {
                refs.add(ColumnIds.fresh(c.name(), c.type()));
                relations.add(table.name());
            }
            for (String check : table.checks()) qb.bindExpression(SqlParser.parseExpression(check), relations, table.columnNames(), refs);
        }
    }

    private static dev.mallard.plan.LogicalPlan castToColumns(QueryBinder.Bound b, List<ColumnDefinition> cols) {
        List<dev.mallard.plan.LogicalPlan.Assignment> a = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Expr.ColumnRef r = b.plan().outputs().get(i);
            LogicalType t = cols.get(i).type();
            Expr e = r.type().equals(t) ? r : new Expr.Cast(r, t, false);
            a.add(new dev.mallard.plan.LogicalPlan.Assignment(ColumnIds.fresh(r.name(), t), e));
        }
        return new dev.mallard.plan.LogicalPlan.Project(b.plan(), a);
    }

    private static int indexOf(List<ColumnDefinition> cols, String name) {
        for (int i = 0; i < cols.size(); i++) if (cols.get(i).name().equalsIgnoreCase(name)) return i;
        return -1;
    }

    StatementResult createView(CreateView c, String sql, Transaction tx) {
        // Bind once to reject broken views at creation.
        QueryBinder.Bound b = new QueryBinder(statements.bindContext(c.queryText(), List.of())).bind(c.query());
        if (c.columns().size() > b.names().size()) {
            throw new MallardException.Binder("view \"" + c.name() + "\" has " + b.names().size() + " columns but "
                    + c.columns().size() + " names were given");
        }
        if (!prepareName(c.name(), c.ifNotExists(), c.orReplace(), true, tx)) return new UpdateResult(0);
        List<String> aliases = c.columns().stream().map(Identifier::value).toList();
        add(new ViewEntry(schemaOf(c.name()), c.name().last().value(), c.queryText(), aliases), tx);
        return new UpdateResult(0);
    }

    StatementResult createSchema(CreateSchema c, Transaction tx) {
        String name = c.name().last().value();
        CatalogChange created = catalog().createSchema(name, c.ifNotExists(), tx.id());
        if (created != null) record(created, tx);
        return new UpdateResult(0);
    }

    StatementResult createIndex(CreateIndex c, String sql, Transaction tx) {
        TableEntry t = new ModificationBinder(statements.bindContext(sql, List.of())).table(c.table());
        String key = c.name().value().toLowerCase(Locale.ROOT);
        var names = statements.database().indexNames();
        if (names.containsKey(key)) {
            if (c.ifNotExists()) return new UpdateResult(0);
            throw MallardException.Catalog.duplicate("index \"" + c.name().value() + "\" already exists");
        }
        if (c.unique()) {
            List<Integer> idx = new ArrayList<>();
            for (SortItem s : c.columns()) {
                if (!(s.expression() instanceof dev.mallard.sql.tree.ColumnRef r)) {
                    throw new MallardException.NotImplemented("indexes on expressions are not supported yet");
                }
                int k = t.columnIndex(r.name().last().value());
                if (k < 0) throw MallardException.Catalog.undefinedColumn("column \"" + r.name() + "\" does not exist");
                idx.add(k);
            }
            List<UniqueConstraint> uniques = new ArrayList<>(t.uniques());
            UniqueConstraint u = new UniqueConstraint(idx, false);
            uniques.add(u);
            TableEntry updated = new TableEntry(t.schema(), t.name(), t.columns(), uniques, t.checks(), t.storage());
            ensureUnique(updated, u);
            replace(t, updated, tx);
        }
        names.put(key, t.name());
        tx.onRollback(() -> names.remove(key));
        return new UpdateResult(0);
    }

    private void ensureUnique(TableEntry t, UniqueConstraint u) {
        UniqueIndex probe = new UniqueIndex(new TableEntry(t.schema(), t.name(), t.columns(), List.of(), t.checks(), t.storage()), u);
        if (probe.size() < probe.nonNullRows()) {
            throw MallardException.Constraint.unique("could not create unique index on " + t.name() + ": the table holds duplicate keys");
        }
    }

    StatementResult drop(Drop d, Transaction tx) {
        for (QualifiedName n : d.names()) {
            switch (d.objectType()) {
                case SCHEMA -> {
                    for (CatalogChange c : catalog().dropSchema(n.last().value(), d.ifExists(), d.cascade(), tx.id())) record(c, tx);
                }
                case INDEX -> {
                    var names = statements.database().indexNames();
                    String key = n.last().value().toLowerCase(Locale.ROOT);
                    String table = names.remove(key);
                    if (table == null && !d.ifExists()) {
                        throw MallardException.Catalog.undefinedTable("index \"" + n.last().value() + "\" does not exist");
                    }
                    if (table != null) tx.onRollback(() -> names.put(key, table));
                }
                case TABLE, VIEW -> {
                    String schema = schemaOf(n);
                    CatalogEntry e = catalog().hasSchema(schema) ? catalog().find(schema, n.last().value()) : null;
                    boolean wantView = d.objectType() == ObjectType.VIEW;
                    if (e == null) {
                        if (d.ifExists()) continue;
                        throw MallardException.Catalog.undefinedTable((wantView ? "view" : "table") + " \"" + n + "\" does not exist"
                                + NameSuggestions.hint(n.last().value(), catalog().names(schema)));
                    }
                    if (wantView != e instanceof ViewEntry) {
                        throw new MallardException.Binder("42809", "\"" + n + "\" is not a " + (wantView ? "view" : "table")
                                + "; use DROP " + (wantView ? "TABLE" : "VIEW"));
                    }
                    remove(e, tx);
                    if (e instanceof TableEntry) dropIndexesOf(e.name(), tx);
                }
            }
        }
        return new UpdateResult(0);
    }

    private void dropIndexesOf(String table, Transaction tx) {
        var names = statements.database().indexNames();
        for (var entry : List.copyOf(names.entrySet())) {
            if (entry.getValue().equalsIgnoreCase(table)) {
                names.remove(entry.getKey());
                tx.onRollback(() -> names.put(entry.getKey(), entry.getValue()));
            }
        }
    }

    StatementResult alter(AlterTable a, String sql, Transaction tx) {
        String schema = schemaOf(a.table());
        CatalogEntry e = catalog().find(schema, a.table().last().value());
        if (e == null) {
            if (a.ifExists()) return new UpdateResult(0);
            throw MallardException.Catalog.undefinedTable("table \"" + a.table() + "\" does not exist"
                    + NameSuggestions.hint(a.table().last().value(), catalog().names(schema)));
        }
        if (a.action() instanceof RenameTable rt && e instanceof ViewEntry v) {
            ViewEntry renamed = new ViewEntry(v.schema(), rt.newName().value(), v.sql(), v.columnAliases());
            rename(v, renamed, tx);
            return new UpdateResult(0);
        }
        if (!(e instanceof TableEntry t)) throw new MallardException.Binder("42809", "\"" + a.table() + "\" is a view, not a table");
        switch (a.action()) {
            case AddColumn add -> addColumn(t, add, sql, tx);
            case DropColumn drop -> dropColumn(t, drop, tx);
            case RenameColumn rc -> {
                int k = column(t, rc.from().value());
                if (t.columnIndex(rc.to().value()) >= 0) {
                    throw MallardException.Catalog.duplicate("column \"" + rc.to().value() + "\" of table \"" + t.name() + "\" already exists");
                }
                List<ColumnDefinition> cols = new ArrayList<>(t.columns());
                cols.set(k, cols.get(k).withName(rc.to().value()));
                replace(t, new TableEntry(t.schema(), t.name(), cols, t.uniques(), t.checks(), t.storage()), tx);
            }
            case RenameTable rt -> {
                TableEntry renamed = new TableEntry(t.schema(), rt.newName().value(), t.columns(), t.uniques(), t.checks(), t.storage());
                rename(t, renamed, tx);
            }
            case AlterColumnType act -> throw new MallardException.NotImplemented("ALTER COLUMN ... TYPE is not supported yet");
            case SetColumnDefault sd -> {
                int k = column(t, sd.column().value());
                String text = SqlFormatter.format(sd.defaultValue());
                updateColumn(t, k, new ColumnDefinition(t.columns().get(k).name(), t.columns().get(k).type(), t.columns().get(k).notNull(), text), tx);
            }
            case DropColumnDefault dd -> {
                int k = column(t, dd.column().value());
                ColumnDefinition c = t.columns().get(k);
                updateColumn(t, k, new ColumnDefinition(c.name(), c.type(), c.notNull(), null), tx);
            }
            case SetColumnNotNull sn -> {
                int k = column(t, sn.column().value());
                ColumnDefinition c = t.columns().get(k);
                DataChunk chunk = new DataChunk(List.of(c.type()));
                for (long from = 0; from < t.storage().rowIdLimit(); from += chunk.column(0).capacity()) {
                    chunk.reset();
                    t.storage().scan(from, chunk.column(0).capacity(), new int[] {k}, chunk);
                    for (int i = 0; i < chunk.count(); i++) {
                        if (chunk.column(0).isNull(chunk.position(i))) {
                            throw MallardException.Constraint.notNull("column \"" + c.name() + "\" contains null values");
                        }
                    }
                }
                updateColumn(t, k, new ColumnDefinition(c.name(), c.type(), true, c.defaultSql()), tx);
            }
            case DropColumnNotNull dn -> {
                int k = column(t, dn.column().value());
                ColumnDefinition c = t.columns().get(k);
                if (t.primaryKey() != null && t.primaryKey().columns().contains(k)) {
                    throw new MallardException.Binder("42P16", "column \"" + c.name() + "\" is in a primary key");
                }
                updateColumn(t, k, new ColumnDefinition(c.name(), c.type(), false, c.defaultSql()), tx);
            }
        }
        return new UpdateResult(0);
    }

    private void updateColumn(TableEntry t, int k, ColumnDefinition c, Transaction tx) {
        List<ColumnDefinition> cols = new ArrayList<>(t.columns());
        cols.set(k, c);
        replace(t, new TableEntry(t.schema(), t.name(), cols, t.uniques(), t.checks(), t.storage()), tx);
    }

    private int column(TableEntry t, String name) {
        int k = t.columnIndex(name);
        if (k < 0) {
            throw MallardException.Catalog.undefinedColumn("column \"" + name + "\" of table \"" + t.name() + "\" does not exist"
                    + NameSuggestions.hint(name, t.columnNames()));
        }
        return k;
    }

    private void addColumn(TableEntry t, AddColumn add, String sql, Transaction tx) {
        dev.mallard.sql.tree.ColumnDefinition def = add.column();
        if (t.columnIndex(def.name().value()) >= 0) {
            if (add.ifNotExists()) return;
            throw MallardException.Catalog.duplicate("column \"" + def.name().value() + "\" of table \"" + t.name() + "\" already exists");
        }
        LogicalType type = TypeResolver.resolve(def.type());
        boolean notNull = false;
        String defaultSql = null;
        for (ColumnConstraint cc : def.constraints()) {
            switch (cc.kind()) {
                case NOT_NULL -> notNull = true;
                case DEFAULT -> defaultSql = SqlFormatter.format(cc.expression());
                case NULL, REFERENCES -> { }
                case PRIMARY_KEY, UNIQUE, CHECK -> throw new MallardException.NotImplemented(
                        "adding a column with a " + cc.kind() + " constraint is not supported yet");
            }
        }
        ColumnDefinition c = new ColumnDefinition(def.name().value(), type, notNull, defaultSql);
        Expr defaultExpr = new ModificationBinder(statements.bindContext(sql, List.of())).defaultValue(c);
        Object value = ExpressionEvaluator.evaluateConstant(defaultExpr);
        if (notNull && value == null && t.storage().rowCount() > 0) {
            throw MallardException.Constraint.notNull("column \"" + c.name() + "\" is NOT NULL but has no DEFAULT and the table has rows");
        }
        List<ColumnDefinition> cols = new ArrayList<>(t.columns());
        cols.add(c);
        TableEntry added = new TableEntry(t.schema(), t.name(), cols, t.uniques(), t.checks(), t.storage().withColumnAdded(type, value));
        record(catalog().put(added, tx.id()), tx);
        // The rows and their ids stay, and the new column comes last: the unique indexes stay valid.
        statements.database().indexes().moveTo(t.storage(), added);
        RedoLog redo = tx.redo();
        if (redo != null) {
            // The log keeps the value the rows received, not the expression: random() or now()
            // would give other values on replay. The declared default follows as its own change.
            String table = CatalogScript.quote(t.schema()) + "." + CatalogScript.quote(t.name());
            String column = CatalogScript.quote(c.name());
            String literal = value == null ? "NULL"
                    : "CAST('" + Values.toText(type, value).replace("'", "''") + "' AS " + type + ")";
            redo.sql("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type + " DEFAULT " + literal);
            redo.sql("ALTER TABLE " + table + " ALTER COLUMN " + column
                    + (defaultSql == null ? " DROP DEFAULT" : " SET DEFAULT " + defaultSql));
            if (notNull) redo.sql("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
        }
    }

    private void dropColumn(TableEntry t, DropColumn drop, Transaction tx) {
        int k = t.columnIndex(drop.column().value());
        if (k < 0) {
            if (drop.ifExists()) return;
            column(t, drop.column().value());
        }
        if (t.columns().size() == 1) throw new MallardException.Binder("cannot drop the only column of table \"" + t.name() + "\"");
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (UniqueConstraint u : t.uniques()) {
            if (u.columns().contains(k)) {
                throw new MallardException.Binder("2BP01", "cannot drop column \"" + t.columns().get(k).name()
                        + "\": it is part of a " + (u.primaryKey() ? "primary key" : "unique constraint"));
            }
            uniques.add(new UniqueConstraint(u.columns().stream().map(i -> i > k ? i - 1 : i).toList(), u.primaryKey()));
        }
        List<ColumnDefinition> cols = new ArrayList<>(t.columns());
        cols.remove(k);
        replace(t, new TableEntry(t.schema(), t.name(), cols, uniques, t.checks(), t.storage().withColumnDropped(k)), tx);
    }
}
