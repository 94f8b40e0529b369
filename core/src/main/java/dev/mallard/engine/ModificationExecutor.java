package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.ColumnDefinition;
import dev.mallard.catalog.TableEntry;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.planner.ModificationBinder;
import dev.mallard.sql.tree.Delete;
import dev.mallard.sql.tree.Insert;
import dev.mallard.sql.tree.Truncate;
import dev.mallard.sql.tree.Update;
import dev.mallard.storage.DataTable;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * INSERT, UPDATE, DELETE and TRUNCATE. Each computes all the rows it will write, checks NOT NULL,
 * CHECK and UNIQUE constraints over them, and only then writes — so a violation changes nothing.
 * Every write registers its undo action with the transaction.
 */
final class ModificationExecutor {
    private final StatementExecutor statements;

    ModificationExecutor(StatementExecutor statements) {
        this.statements = statements;
    }

    private ModificationBinder binder(String sql, List<Values.Typed> params) {
        return new ModificationBinder(statements.bindContext(sql, params));
    }

    private ChunkCollection collect(LogicalPlan plan) {
        List<String> names = new ArrayList<>();
        for (var r : plan.outputs()) names.add(r.name());
        return ChunkCollection.drain(statements.run(plan, names));
    }

    StatementResult insert(Insert insert, String sql, List<Values.Typed> params, Transaction tx) {
        if (!insert.returning().isEmpty()) throw new MallardException.NotImplemented("INSERT ... RETURNING is not supported yet");
        return insert(binder(sql, params).bindInsert(insert), tx);
    }

    /** One INSERT for a whole batch of parameter rows (see {@link ModificationBinder#batchable}). */
    StatementResult insertBatch(Insert insert, String sql, List<List<Values.Typed>> batch, Transaction tx) {
        return insert(binder(sql, List.of()).bindInsert(insert, batch), tx);
    }

    /** INSERT ... VALUES (?, ...) once per row of {@code rows} (see {@link ModificationBinder#bindInsertRows}). */
    StatementResult insertRows(Insert insert, String sql, ChunkCollection rows, Transaction tx) {
        return insert(binder(sql, List.of()).bindInsertRows(insert, scanOf(rows)), tx);
    }

    private static ChunkScan scanOf(ChunkCollection rows) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows.types().size(); i++) names.add("c" + i);
        return new ChunkScan(names, rows);
    }

    /** Rows from an appender, already in the table's column types: an INSERT without SQL. */
    StatementResult append(dev.mallard.sql.tree.QualifiedName table, int[] columns, ChunkCollection rows, Transaction tx) {
        ModificationBinder.InsertPlan ip = binder("", List.of()).bindAppend(table, columns, scanOf(rows));
        ChunkCollection tableRows = asTableRows(ip.table(), columns, rows);
        return insert(ip, tableRows != null ? tableRows : collect(ip.plan()), tx);
    }

    /**
     * Appended rows as full table rows without running the insert's plan, when the plan would only
     * copy them: no CHECK constraint to evaluate and no column left out that has a default other than
     * NULL. The vectors are shared, not copied (a bulk load would otherwise copy every value once
     * more); null when the plan must run.
     */
    private static ChunkCollection asTableRows(TableEntry t, int[] columns, ChunkCollection rows) {
        if (!t.checks().isEmpty()) return null;
        int width = t.columns().size();
        int[] source = new int[width]; // the appended column holding each table column, or -1
        java.util.Arrays.fill(source, -1);
        for (int j = 0; j < (columns == null ? width : columns.length); j++) source[columns == null ? j : columns[j]] = j;
        for (int i = 0; i < width; i++) if (source[i] < 0 && t.columns().get(i).defaultSql() != null) return null;
        ChunkCollection out = new ChunkCollection(t.types());
        for (DataChunk chunk : rows.chunks()) {
            if (chunk.sel() != null) return null;
            Vector[] cols = new Vector[width];
            for (int i = 0; i < width; i++) {
                if (source[i] >= 0) {
                    cols[i] = chunk.column(source[i]);
                } else {
                    cols[i] = new Vector(t.types().get(i), chunk.columns()[0].capacity());
                    for (int k = 0; k < chunk.count(); k++) cols[i].setNull(k);
                }
            }
            out.adopt(new DataChunk(cols, chunk.count(), null));
        }
        return out;
    }

    private StatementResult insert(ModificationBinder.InsertPlan ip, Transaction tx) {
        return insert(ip, collect(ip.plan()), tx);
    }

    /** Inserts {@code rows}, the plan's output: full table rows, then one BOOLEAN per CHECK constraint. */
    private StatementResult insert(ModificationBinder.InsertPlan ip, ChunkCollection rows, Transaction tx) {
        TableEntry t = ip.table();
        int width = t.columns().size();
        checkNotNull(t, rows, 0, null);
        checkChecks(t, rows, width, ip.checkCount());
        boolean skipConflicts = ip.onConflict() != null && ip.conflictUpdate() == null;
        int[] identity = new int[width];
        for (int i = 0; i < width; i++) identity[i] = i;
        List<UniqueIndex> indexes = statements.database().indexes().of(t);
        ModificationBinder.ConflictUpdate cu = ip.conflictUpdate();
        UniqueIndex conflictIndex = null;
        if (cu != null) {
            for (UniqueIndex index : indexes) {
                if (index.constraint().columns().equals(cu.keyColumns())) conflictIndex = index;
            }
        }
        // Proposed rows that hit an existing key (ON CONFLICT DO UPDATE): existing row id per chunk row.
        ConflictRows conflicts = cu == null ? null : new ConflictRows(t);
        Set<Object> conflictKeys = new HashSet<>();
        // Rows to keep per chunk (null = all) after ON CONFLICT DO NOTHING.
        List<int[]> keep = new ArrayList<>();
        List<Integer> keepCounts = new ArrayList<>();
        List<ProposedKeys> proposed = new ArrayList<>();
        for (UniqueIndex index : indexes) proposed.add(new ProposedKeys(index));
        long[] runs = new long[proposed.size()];
        for (DataChunk chunk : rows.chunks()) {
            if (conflictIndex == null && !proposed.isEmpty() && freeRuns(proposed, chunk, identity, runs)) {
                for (int i = 0; i < runs.length; i++) proposed.get(i).proposeRun(runs[i], chunk.count());
                keep.add(null);
                keepCounts.add(chunk.count());
                continue;
            }
            int[] sel = new int[chunk.count()];
            int n = 0;
            rows:
            for (int k = 0; k < chunk.count(); k++) {
                if (conflictIndex != null) {
                    Object key = conflictIndex.keyOf(chunk, k, identity);
                    Long existing = key == null ? null : conflictIndex.holder(key, tx.id());
                    if (existing != null) {
                        if (!conflictKeys.add(key)) {
                            throw new MallardException("21000", "ON CONFLICT DO UPDATE cannot affect the same row twice in one statement: "
                                    + "the key " + key + " is proposed more than once");
                        }
                        conflicts.add(existing, chunk, k);
                        continue;
                    }
                }
                for (ProposedKeys keys : proposed) {
                    if (keys.read(chunk, k, identity) && keys.taken(tx.id())) {
                        if (skipConflicts) continue rows;
                        throw keys.violation();
                    }
                }
                // only once the row passes every index: a row skipped by DO NOTHING proposes no key
                for (ProposedKeys keys : proposed) keys.propose();
                sel[n++] = k;
            }
            keep.add(sel);
            keepCounts.add(n);
        }
        DataTable storage = t.storage();
        long first = storage.rowIdLimit();
        long inserted = 0;
        List<DataChunk> views = new ArrayList<>();
        for (int c = 0; c < rows.chunks().size(); c++) {
            DataChunk chunk = rows.chunks().get(c);
            int n = keepCounts.get(c);
            if (n == 0) continue;
            Vector[] cols = Arrays.copyOf(chunk.columns(), width);
            views.add(n == chunk.count() ? new DataChunk(cols, n, null) : new DataChunk(cols, n, keep.get(c)));
        }
        try {
            storage.appendAll(views, tx.id(), statements.parallel());
        } catch (RuntimeException e) {
            storage.abortInserts(first, storage.rowIdLimit()); // rows of the topped-up row group, if any
            throw e;
        }
        for (DataChunk view : views) {
            long base = first + inserted;
            if (tx.redo() != null) tx.redo().insert(t, base, view);
            for (UniqueIndex index : indexes) index.putAll(view, identity, base);
            inserted += view.count();
        }
        long last = storage.rowIdLimit();
        if (inserted > 0) {
            tx.onRollback(() -> storage.abortInserts(first, last));
            tx.onCommit(commit -> storage.commitInserts(first, last, commit));
        }
        if (conflicts != null && conflicts.rows().rowCount() > 0) inserted += updateConflicts(t, cu, conflicts.rows(), tx);
        return new UpdateResult(inserted);
    }

    /** Whether every index finds the chunk's keys a run of free ids ({@link ProposedKeys#freeRun}), each run's first put in {@code runs}. */
    private static boolean freeRuns(List<ProposedKeys> proposed, DataChunk chunk, int[] columnMap, long[] runs) {
        for (int i = 0; i < runs.length; i++) {
            runs[i] = proposed.get(i).freeRun(chunk, columnMap);
            if (runs[i] == UniqueIndex.NOT_A_RUN) return false;
        }
        return true;
    }

    /** Runs the DO UPDATE assignments over the colliding rows and writes them like an UPDATE. */
    private long updateConflicts(TableEntry t, ModificationBinder.ConflictUpdate cu, ChunkCollection conflicts, Transaction tx) {
        List<dev.mallard.expression.Expr.ColumnRef> refs = new ArrayList<>(cu.existing());
        refs.addAll(cu.excluded());
        refs.add(cu.rowId());
        LogicalPlan scan = new LogicalPlan.TableFunctionScan(
                new ChunkScan(refs.stream().map(dev.mallard.expression.Expr.ColumnRef::name).toList(), conflicts), refs);
        ChunkCollection updates = collect(cu.plan().apply(scan));
        // Keep the rows whose DO UPDATE ... WHERE holds (the last column).
        int whereCol = updates.types().size() - 1;
        for (DataChunk chunk : updates.chunks()) {
            int[] sel = new int[chunk.count()];
            int n = 0;
            for (int k = 0; k < chunk.count(); k++) {
                int p = chunk.position(k);
                if (!chunk.column(whereCol).isNull(p) && chunk.column(whereCol).bools[p]) sel[n++] = p;
            }
            chunk.setSelection(sel, n);
        }
        return ((UpdateResult) applyUpdate(t, updates, cu.changed(), cu.checkCount(), tx)).count();
    }

    StatementResult update(Update update, String sql, List<Values.Typed> params, Transaction tx) {
        if (!update.returning().isEmpty()) throw new MallardException.NotImplemented("UPDATE ... RETURNING is not supported yet");
        ModificationBinder.UpdatePlan up = binder(sql, params).bindUpdate(update);
        return applyUpdate(up.table(), collect(up.plan()), up.changed(), up.checkCount(), tx);
    }

    /**
     * Writes new values to existing rows. {@code rows} holds the row id, every column's new value
     * and one BOOLEAN per CHECK constraint; constraints are checked on all rows before any write.
     */
    private StatementResult applyUpdate(TableEntry t, ChunkCollection rows, List<Integer> changed, int checkCount, Transaction tx) {
        int width = t.columns().size();
        checkNotNull(t, rows, 1, changed);
        checkChecks(t, rows, width + 1, checkCount);
        // Unique keys: new values must not collide with each other or with rows this statement leaves alone.
        int[] map = new int[width];
        for (int i = 0; i < width; i++) map[i] = i + 1;
        // UPDATE ... FROM may join a row more than once: the first match wins, as in PostgreSQL.
        Set<Long> updated = new HashSet<>();
        for (DataChunk chunk : rows.chunks()) {
            int[] sel = new int[chunk.count()];
            int n = 0;
            for (int k = 0; k < chunk.count(); k++) {
                int p = chunk.position(k);
                if (updated.add(chunk.column(0).longs[p])) sel[n++] = p;
            }
            if (n < chunk.count()) chunk.setSelection(sel, n);
        }
        for (UniqueIndex index : statements.database().indexes().of(t)) {
            if (index.constraint().columns().stream().noneMatch(changed::contains)) continue;
            Map<Object, Long> seen = new HashMap<>();
            for (DataChunk chunk : rows.chunks()) {
                for (int k = 0; k < chunk.count(); k++) {
                    Object key = index.keyOf(chunk, k, map);
                    if (key == null) continue;
                    long rowId = chunk.column(0).longs[chunk.position(k)];
                    if (seen.put(key, rowId) != null) throw index.violation(key);
                    Long holder = index.holder(key, tx.id());
                    if (holder != null && !updated.contains(holder)) throw index.violation(key);
                }
            }
        }
        // MVCC: an update deletes the old row version and appends the new one (every column's
        // new value is in the chunk), so readers of older snapshots keep seeing the old values.
        // The unique indexes follow the rows to their new versions. The old versions need no
        // removal: an index entry naming a deleted row reads as free to the deleting transaction
        // and as a conflict to the others until it commits (UniqueIndex.holder).
        List<UniqueIndex> indexes = statements.database().indexes().of(t);
        Vector[] newRow = new Vector[width];
        for (DataChunk chunk : rows.chunks()) {
            deleteVersions(t, chunk, tx);
            for (int c = 0; c < width; c++) newRow[c] = chunk.column(c + 1);
            long first = appendVersions(t, new DataChunk(newRow.clone(), chunk.count(), chunk.sel()), tx);
            for (UniqueIndex index : indexes) {
                for (int k = 0; k < chunk.count(); k++) {
                    Object key = index.keyOf(chunk, k, map);
                    if (key != null) index.put(key, first + k);
                }
            }
        }
        return new UpdateResult(updated.size());
    }

    /** Deletes the rows whose ids are column 0 of {@code chunk}, as transaction {@code tx}. */
    private void deleteVersions(TableEntry t, DataChunk chunk, Transaction tx) {
        DataTable storage = t.storage();
        long[] ids = new long[chunk.count()];
        for (int k = 0; k < ids.length; k++) ids[k] = chunk.column(0).longs[chunk.position(k)];
        int n = storage.markDeleted(ids, ids.length, statements.database().snapshot(tx), tx.id());
        if (n == 0) return;
        tx.onRollback(() -> storage.unmarkDeleted(ids, n));
        tx.onCommit(commit -> storage.commitDeletes(ids, n, commit));
        if (tx.redo() != null) tx.redo().delete(t, ids, n);
    }

    /** Appends the live rows of {@code rows} (table columns) as transaction {@code tx}; returns the first one's row id (the others follow in order). */
    private long appendVersions(TableEntry t, DataChunk rows, Transaction tx) {
        DataTable storage = t.storage();
        long first = storage.rowIdLimit();
        storage.append(rows, tx.id());
        long last = storage.rowIdLimit();
        tx.onRollback(() -> storage.abortInserts(first, last));
        tx.onCommit(commit -> storage.commitInserts(first, last, commit));
        if (tx.redo() != null) tx.redo().insert(t, first, rows);
        return first;
    }

    StatementResult delete(Delete delete, String sql, List<Values.Typed> params, Transaction tx) {
        if (!delete.returning().isEmpty()) throw new MallardException.NotImplemented("DELETE ... RETURNING is not supported yet");
        ModificationBinder.DeletePlan dp = binder(sql, params).bindDelete(delete);
        ChunkCollection rows = collect(dp.plan());
        return deleteRows(dp.table(), rows, tx);
    }

    StatementResult truncate(Truncate truncate, String sql, Transaction tx) {
        TableEntry t = binder(sql, List.of()).table(truncate.table());
        ModificationBinder.DeletePlan dp = binder(sql, List.of()).bindDelete(
                new Delete(truncate.position(), truncate.table(), null, null, null, List.of()));
        deleteRows(t, collect(dp.plan()), tx);
        return new UpdateResult(0);
    }

    private StatementResult deleteRows(TableEntry t, ChunkCollection rows, Transaction tx) {
        // The unique indexes keep naming the deleted rows: such an entry reads as a free key once
        // the delete is this transaction's or committed (UniqueIndex.holder), so nothing is rebuilt.
        for (DataChunk chunk : rows.chunks()) deleteVersions(t, chunk, tx);
        return new UpdateResult(rows.rowCount());
    }

    /** NOT NULL: table column i is chunk column {@code offset + i}; only {@code columns} are checked if given. */
    private static void checkNotNull(TableEntry t, ChunkCollection rows, int offset, List<Integer> columns) {
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnDefinition c = t.columns().get(i);
            if (!c.notNull() || columns != null && !columns.contains(i)) continue;
            for (DataChunk chunk : rows.chunks()) {
                Vector v = chunk.column(offset + i);
                if (!v.mayHaveNulls()) continue;
                for (int k = 0; k < chunk.count(); k++) {
                    if (v.isNull(chunk.position(k))) {
                        throw MallardException.Constraint.notNull("NOT NULL constraint failed: " + t.name() + "." + c.name()
                                + " (null value in column \"" + c.name() + "\" violates not-null constraint)");
                    }
                }
            }
        }
    }

    private static void checkChecks(TableEntry t, ChunkCollection rows, int offset, int count) {
        for (int x = 0; x < count; x++) {
            for (DataChunk chunk : rows.chunks()) {
                Vector v = chunk.column(offset + x);
                for (int k = 0; k < chunk.count(); k++) {
                    int p = chunk.position(k);
                    if (!v.isNull(p) && !v.bools[p]) {
                        throw new MallardException.Constraint("23514", "CHECK constraint failed: " + t.name()
                                + " (CHECK (" + t.checks().get(x) + "))");
                    }
                }
            }
        }
    }
}
