package dev.mallard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.storage.file.BlockFile;
import dev.mallard.storage.file.BlockStreamReader;
import dev.mallard.storage.file.BlockStreamWriter;
import dev.mallard.storage.file.DatabaseHeader;
import dev.mallard.storage.file.FileLayer;
import dev.mallard.vector.DataChunk;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table written to a file and read back holds the same rows, deletions and statistics, and takes new rows. */
class TableCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void aTableSurvivesACheckpointAndReopening() {
        DataTable t = PackedSegmentTest.table();
        t.delete(new long[] {3, 122_881, 246_000}, 3);
        Path f = dir.resolve("t.mallard");
        try (BlockFile file = BlockFile.create(f, FileLayer.LOCAL)) {
            check(t, CheckpointStreams.roundTrip(t, PackedSegmentTest.TYPES, file));
        }
    }

    private static void check(DataTable t, DataTable back) {
        assertThat(back.rowCount()).isEqualTo(t.rowCount());
        assertThat(back.rowIdLimit()).isEqualTo(t.rowIdLimit());
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
        DataChunk a = new DataChunk(PackedSegmentTest.TYPES), b = new DataChunk(PackedSegmentTest.TYPES);
        for (long from = 0; from < t.rowIdLimit(); from += 2048) {
            a.reset();
            b.reset();
            t.scan(from, 2048, all, a);
            back.scan(from, 2048, all, b);
            assertThat(b.count()).isEqualTo(a.count());
            for (int k = 0; k < a.count(); k++) {
                for (int c = 0; c < all.length; c++) assertThat(b.getObject(c, k)).isEqualTo(a.getObject(c, k));
            }
        }
        assertThat(back.isDeleted(122_881)).isTrue();
        assertThat(back.statistics(1).distinctCount()).isEqualTo(t.statistics(1).distinctCount());
        assertThat(back.statistics(0).max()).isEqualTo(t.statistics(0).max());
        // the partial last row group takes new rows
        DataChunk more = new DataChunk(PackedSegmentTest.TYPES);
        more.column(0).ints[0] = 8100;
        more.column(1).longs[0] = 7;
        more.column(2).setNull(0);
        more.column(3).longs[0] = 1;
        more.column(4).ints[0] = 2;
        more.column(5).strings[0] = "MODE9";
        more.column(6).strings[0] = "Clerk#x";
        more.column(7).strings[0] = "new";
        more.setCount(1);
        back.append(more);
        assertThat(back.get(t.rowIdLimit(), 7)).isEqualTo("new");
        assertThat(back.get(t.rowIdLimit() - 1, 6)).isEqualTo(PackedSegmentTest.value(6, t.rowIdLimit() - 1));
    }
}
