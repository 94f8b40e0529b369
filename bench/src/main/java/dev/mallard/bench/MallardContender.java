package dev.mallard.bench;

import dev.mallard.Mallard;
import dev.mallard.api.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Mallard through the lazy table API, as its users write: no schema, the table appears on first write. */
final class MallardContender implements TableContender {
    private Database db;

    @Override
    public String insertPath() {
        return "`db.table(\"t\").insertMany(rows)` (table, columns and the automatic `id` key created by the call)";
    }

    @Override
    public String upsertPath() {
        return "`db.table(\"t\").upsertMany(rows, \"key\")`";
    }

    @Override
    public void open() {
        db = Mallard.open();
    }

    @Override
    public void insert(List<Map<String, Object>> rows) {
        db.table("t").insertMany(rows);
    }

    @Override
    public void prepareUpsert(List<Map<String, Object>> rows) {
        var t = db.table("t");
        t.insertMany(rows);
        // The first upsert by "key" creates the unique index it needs; the peers build theirs while
        // loading, so build Mallard's here too, with an upsert that changes nothing.
        t.upsert(rows.get(0), SparseRows.KEY);
    }

    @Override
    public void upsert(List<Map<String, Object>> changes) {
        db.table("t").upsertMany(changes, SparseRows.KEY);
    }

    @Override
    public RowChecksum checksum() {
        return RowChecksum.of(new ArrayList<>(db.sql(RowChecksum.SQL).toMaps().get(0).values()));
    }

    @Override
    public void close() {
        if (db != null) db.close();
        db = null;
    }
}
