package dev.mallard.engine;

import dev.mallard.catalog.TableEntry;
import dev.mallard.storage.DataTable;
import dev.mallard.storage.VectorCodec;
import dev.mallard.storage.file.ByteStreamOutput;
import dev.mallard.storage.file.WriteAheadLog;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * What a transaction changed, as write-ahead log entries to make durable at commit and to replay
 * at open ({@link RedoReplay}). Changes are physical where replaying SQL could differ (rows
 * inserted with their row ids, row ids deleted; an update is both, since it writes a new row
 * version: {@code random()} or {@code now()} must not be re-evaluated) and statement text for DDL.
 *
 * <p>A transaction whose log grows past {@code limit} bytes stops logging: its commit writes a
 * checkpoint instead, which holds the same changes without a second copy of a bulk load in the log.
 */
final class RedoLog {
    static final byte SQL = 1, INSERT = 2, DELETE = 3;

    private final long limit;
    private final List<WriteAheadLog.Entry> entries = new ArrayList<>();
    private long bytes;
    private boolean overflowed;

    RedoLog(long limit) {
        this.limit = limit;
    }

    int mark() {
        return entries.size();
    }

    /** Forgets the entries after {@code mark} (a failed statement). */
    void truncate(int mark) {
        while (entries.size() > mark) bytes -= entries.remove(entries.size() - 1).payload().length;
    }

    /** Whether the log gave up on holding this transaction, which must then commit by checkpoint. */
    boolean overflowed() {
        return overflowed;
    }

    boolean isEmpty() {
        return entries.isEmpty() && !overflowed;
    }

    List<WriteAheadLog.Entry> entries() {
        return entries;
    }

    void sql(String statement) {
        ByteStreamOutput out = new ByteStreamOutput();
        out.writeString(statement);
        add(SQL, out);
    }

    /** Rows appended to {@code table} from row id {@code firstRowId}: the live rows of {@code chunk}. */
    void insert(TableEntry table, long firstRowId, DataChunk chunk) {
        if (overflowed) return;
        for (int done = 0; done < chunk.count(); ) {
            int n = Math.min(chunk.count() - done, DataTable.ROW_GROUP_SIZE);
            int[] sel = new int[n];
            for (int k = 0; k < n; k++) sel[k] = chunk.position(done + k);
            ByteStreamOutput out = table(table);
            out.writeLong(firstRowId + done).writeInt(n);
            for (int c = 0; c < table.types().size(); c++) {
                VectorCodec.write(table.types().get(c), chunk.column(c), sel, n, out);
                if (out.size() > limit) break;
            }
            add(INSERT, out);
            done += n;
        }
    }

    /** Rows deleted from {@code table}, as runs of consecutive row ids (a TRUNCATE is one run). */
    void delete(TableEntry table, long[] rowIds, int count) {
        if (overflowed) return;
        ByteStreamOutput out = table(table);
        List<long[]> runs = new ArrayList<>();
        for (int k = 0; k < count; ) {
            int j = k + 1;
            while (j < count && rowIds[j] == rowIds[j - 1] + 1) j++;
            runs.add(new long[] {rowIds[k], j - k});
            k = j;
        }
        out.writeInt(runs.size());
        for (long[] r : runs) out.writeLong(r[0]).writeLong(r[1]);
        add(DELETE, out);
    }

    private static ByteStreamOutput table(TableEntry table) {
        ByteStreamOutput out = new ByteStreamOutput();
        out.writeString(table.schema()).writeString(table.name());
        return out;
    }

    private void add(byte type, ByteStreamOutput out) {
        if (overflowed) return;
        bytes += out.size();
        if (bytes > limit) {
            overflowed = true;
            entries.clear();
            return;
        }
        entries.add(new WriteAheadLog.Entry(type, out.toByteArray()));
    }
}
