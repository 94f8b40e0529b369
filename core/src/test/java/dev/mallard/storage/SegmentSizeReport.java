package dev.mallard.storage;

import dev.mallard.storage.file.ByteStreamOutput;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the bytes of a checkpoint go: generates the TPC-H tables at a scale factor straight into
 * {@link DataTable}s and prints, per column, the bytes {@link SegmentCodec} writes for its segments,
 * bits per row, the encodings chosen and the time to encode and decode them (fastest of
 * {@code -Druns=3}). A debugging aid for the
 * on-disk size (issue 4), not a test: {@code java ... dev.mallard.storage.SegmentSizeReport 0.1 [table]}.
 */
public final class SegmentSizeReport {
    private SegmentSizeReport() {}

    /** Encodings and decodings of each segment: the times printed are the fastest. */
    private static final int RUNS = Integer.getInteger("runs", 3);

    public static void main(String[] args) {
        double sf = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
        String only = args.length > 1 ? args[1] : null;
        long total = 0;
        for (TpchTable<?> table : TpchTable.getTables()) {
            if (only != null && !table.getTableName().equals(only)) continue;
            total += report(table, sf);
        }
        System.out.printf("total %,d bytes%n", total);
    }

    private static <E extends TpchEntity> long report(TpchTable<E> table, double sf) {
        List<TpchColumn<E>> columns = table.getColumns();
        List<LogicalType> types = new ArrayList<>();
        for (TpchColumn<E> c : columns) types.add(type(c));
        DataTable t = new DataTable(types);
        DataChunk chunk = new DataChunk(types);
        int n = 0;
        for (E row : table.createGenerator(sf, 1, 1)) {
            for (int c = 0; c < columns.size(); c++) set(chunk.column(c), n, columns.get(c), row);
            if (++n == 2048) {
                chunk.setCount(n);
                t.append(chunk);
                chunk.reset();
                n = 0;
            }
        }
        if (n > 0) {
            chunk.setCount(n);
            t.append(chunk);
        }
        long tableBytes = 0;
        System.out.printf("%s: %,d rows in %d row groups%n", table.getTableName(), t.rowIdLimit(), t.rowGroupCount());
        for (int c = 0; c < columns.size(); c++) {
            long bytes = 0, encodeNanos = 0, decodeNanos = 0;
            java.util.TreeMap<String, Integer> schemes = new java.util.TreeMap<>();
            for (int g = 0; g < t.rowGroupCount(); g++) {
                int rows = (int) Math.min(DataTable.ROW_GROUP_SIZE, t.rowIdLimit() - (long) g * DataTable.ROW_GROUP_SIZE);
                long bestEncode = Long.MAX_VALUE, bestDecode = Long.MAX_VALUE;
                byte[] a = null;
                for (int run = 0; run < RUNS; run++) {
                    ByteStreamOutput out = new ByteStreamOutput();
                    long t0 = System.nanoTime();
                    SegmentCodec.write(t.segment(g, c), rows, out);
                    long t1 = System.nanoTime();
                    a = out.toByteArray();
                    SegmentCodec.read(types.get(c).physicalType(), new dev.mallard.storage.file.ByteStreamInput(a, "report"));
                    long t2 = System.nanoTime();
                    bestEncode = Math.min(bestEncode, t1 - t0);
                    bestDecode = Math.min(bestDecode, t2 - t1);
                }
                encodeNanos += bestEncode;
                decodeNanos += bestDecode;
                bytes += a.length;
                schemes.merge(SegmentCodec.describe(a), 1, Integer::sum);
            }
            tableBytes += bytes;
            System.out.printf("  %-16s %-14s %,12d bytes %6.2f bits/row  encode %6.1f ms  decode %6.1f ms  %s%n",
                    columns.get(c).getColumnName(), types.get(c), bytes, bytes * 8.0 / t.rowIdLimit(),
                    encodeNanos / 1e6, decodeNanos / 1e6, schemes);
        }
        System.out.printf("  %-31s %,12d bytes%n", "table", tableBytes);
        return tableBytes;
    }

    static LogicalType type(TpchColumn<?> c) {
        return switch (c.getType().getBase()) {
            case IDENTIFIER -> LogicalType.BIGINT;
            case INTEGER -> LogicalType.INTEGER;
            case DATE -> LogicalType.DATE;
            case DOUBLE -> LogicalType.decimal(15, 2);
            case VARCHAR -> LogicalType.VARCHAR;
        };
    }

    static <E extends TpchEntity> void set(Vector v, int i, TpchColumn<E> c, E row) {
        switch (c.getType().getBase()) {
            case IDENTIFIER -> v.longs[i] = c.getIdentifier(row);
            case INTEGER -> v.ints[i] = c.getInteger(row);
            case DATE -> v.ints[i] = c.getDate(row);
            case DOUBLE -> v.longs[i] = Math.round(c.getDouble(row) * 100);
            case VARCHAR -> v.strings[i] = c.getString(row);
        }
    }
}
