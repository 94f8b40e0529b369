package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.Catalog;
import dev.mallard.catalog.TableEntry;
import dev.mallard.storage.DataTable;
import dev.mallard.storage.VectorCodec;
import dev.mallard.storage.file.ByteStreamInput;
import dev.mallard.storage.file.WriteAheadLog;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a {@link RedoLog}'s entries, read back from the write-ahead log at open, to the state
 * of the last checkpoint. Entries name their table, so a rename or a drop earlier in the log is
 * already in effect when later entries are applied, exactly as when they were written.
 */
final class RedoReplay {
    private final Catalog catalog;
    private final Consumer<String> runSql;
    private final String source;

    RedoReplay(Catalog catalog, Consumer<String> runSql, String source) {
        this.catalog = catalog;
        this.runSql = runSql;
        this.source = source;
    }

    void apply(List<WriteAheadLog.Entry> transaction) {
        for (WriteAheadLog.Entry e : transaction) {
            ByteStreamInput in = new ByteStreamInput(e.payload(), "a log entry in " + source);
            switch (e.type()) {
                case RedoLog.SQL -> runSql.accept(in.readString());
                case RedoLog.INSERT -> insert(table(in), in);
                case RedoLog.DELETE -> delete(table(in), in);
                default -> throw in.damaged("an entry of unknown type " + e.type());
            }
        }
    }

    private TableEntry table(ByteStreamInput in) {
        String schema = in.readString(), name = in.readString();
        if (!(catalog.find(schema, name) instanceof TableEntry t)) {
            throw MallardException.Storage.corrupted(source + " changes table " + schema + "." + name + ", which does not exist there");
        }
        return t;
    }

    private void insert(TableEntry t, ByteStreamInput in) {
        long first = in.readLong();
        int n = in.readInt();
        DataTable storage = t.storage();
        List<LogicalType> types = t.types();
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) columns[c] = VectorCodec.read(types.get(c), n, in);
        DataChunk rows = new DataChunk(columns, n, null);
        if (first >= storage.rowIdLimit()) {
            // Row ids below were taken by transactions that rolled back or commit later: take them, deleted for now.
            storage.appendDeleted(first - storage.rowIdLimit());
            storage.append(rows);
        } else if (!storage.fillDeleted(first, rows)) {
            throw in.damaged("rows inserted at row ids " + first + ".." + (first + n) + " of " + t.name() + ", which are taken");
        }
    }

    private void delete(TableEntry t, ByteStreamInput in) {
        int runs = in.readInt();
        long[] ids = new long[2048];
        for (int r = 0; r < runs; r++) {
            long start = in.readLong(), length = in.readLong();
            checkRange(t, start, length, in);
            for (long done = 0; done < length; ) {
                int n = (int) Math.min(ids.length, length - done);
                for (int k = 0; k < n; k++) ids[k] = start + done + k;
                t.storage().delete(ids, n);
                done += n;
            }
        }
    }

    private static void checkRange(TableEntry t, long start, long length, ByteStreamInput in) {
        if (start < 0 || length < 0 || start + length > t.storage().rowIdLimit()) {
            throw in.damaged("a change to row ids " + start + ".." + (start + length) + " of " + t.name() + ", which has "
                    + t.storage().rowIdLimit());
        }
    }
}
