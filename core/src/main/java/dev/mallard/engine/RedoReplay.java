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
                case RedoLog.UPDATE -> update(table(in), in);
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
        if (first < storage.rowIdLimit()) {
            throw in.damaged("rows inserted at row id " + first + " of " + t.name() + ", which has " + storage.rowIdLimit());
        }
        // Rows a rolled-back transaction appended took row ids that later rows kept: take them again, deleted.
        storage.appendDeleted(first - storage.rowIdLimit());
        List<LogicalType> types = t.types();
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) columns[c] = VectorCodec.read(types.get(c), n, in);
        storage.append(new DataChunk(columns, n, null));
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

    private void update(TableEntry t, ByteStreamInput in) {
        int column = in.readInt(), n = in.readInt();
        if (column < 0 || column >= t.types().size()) throw in.damaged("an update of column " + column + " of " + t.name());
        long[] ids = new long[n];
        for (int k = 0; k < n; k++) {
            ids[k] = in.readLong();
            checkRange(t, ids[k], 1, in);
        }
        t.storage().update(ids, n, column, VectorCodec.read(t.types().get(column), n, in));
    }

    private static void checkRange(TableEntry t, long start, long length, ByteStreamInput in) {
        if (start < 0 || length < 0 || start + length > t.storage().rowIdLimit()) {
            throw in.damaged("a change to row ids " + start + ".." + (start + length) + " of " + t.name() + ", which has "
                    + t.storage().rowIdLimit());
        }
    }
}
