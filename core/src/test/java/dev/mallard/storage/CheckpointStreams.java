package dev.mallard.storage;

import dev.mallard.storage.file.BlockFile;
import dev.mallard.storage.file.BlockStreamReader;
import dev.mallard.storage.file.BlockStreamWriter;
import dev.mallard.storage.file.SegmentBlocks;
import dev.mallard.types.LogicalType;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a table as a checkpoint does (metadata stream plus segment blocks) and reads it back lazily. */
final class CheckpointStreams {
    private CheckpointStreams() {}

    /** The table read back from {@code file}, which must stay open while the result is read. */
    static DataTable roundTrip(DataTable t, List<LogicalType> types, BlockFile file) {
        AtomicLong next = new AtomicLong();
        SegmentBlocks segments = new SegmentBlocks(file);
        SegmentBlocks.Writer data = segments.writer(next::getAndIncrement, new HashSet<>());
        BlockStreamWriter w = new BlockStreamWriter(file, next::getAndIncrement);
        t.writeTo(w, data, Snapshot.LATEST, null);
        w.finish();
        data.finish();
        return DataTable.readFrom(types, new BlockStreamReader(file, w.firstBlock(), next.get()), segments, next.get(), p -> { }, null);
    }
}
