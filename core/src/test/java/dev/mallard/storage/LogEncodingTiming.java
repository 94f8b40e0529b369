package dev.mallard.storage;

import dev.mallard.storage.file.ByteStreamOutput;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchTable;
import io.trino.tpch.LineItem;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the write-ahead log takes to encode a 2048-row insert of TPC-H lineitem rows through
 * {@link VectorCodec} (every column), and how many bytes it writes: a debugging aid for the cost of
 * the log's encoding, not a test. {@code java ... dev.mallard.storage.LogEncodingTiming}.
 */
public final class LogEncodingTiming {
    private LogEncodingTiming() {}

    public static void main(String[] args) {
        TpchTable<LineItem> table = TpchTable.LINE_ITEM;
        List<TpchColumn<LineItem>> columns = table.getColumns();
        List<LogicalType> types = new ArrayList<>();
        for (TpchColumn<LineItem> c : columns) types.add(SegmentSizeReport.type(c));
        List<DataChunk> chunks = new ArrayList<>();
        DataChunk chunk = new DataChunk(types);
        int n = 0;
        for (LineItem row : table.createGenerator(0.01, 1, 1)) {
            for (int c = 0; c < columns.size(); c++) SegmentSizeReport.set(chunk.column(c), n, columns.get(c), row);
            if (++n == 2048) {
                chunk.setCount(n);
                chunks.add(chunk);
                chunk = new DataChunk(types);
                n = 0;
            }
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 40; round++) {
            long bytes = 0;
            long t0 = System.nanoTime();
            for (DataChunk ch : chunks) {
                ByteStreamOutput out = new ByteStreamOutput();
                for (int c = 0; c < types.size(); c++) VectorCodec.write(types.get(c), ch.column(c), null, ch.count(), out);
                bytes += out.size();
            }
            long t1 = System.nanoTime();
            best = Math.min(best, (t1 - t0) / 1e3 / chunks.size());
            if (round % 10 == 9) System.out.printf("round %d: best %.1f us per 2048-row chunk of %d columns, %,d bytes per chunk%n", round,
                    best, types.size(), bytes / chunks.size());
        }
    }
}
