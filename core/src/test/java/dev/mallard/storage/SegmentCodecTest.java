package dev.mallard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.storage.file.BlockFile;
import dev.mallard.storage.file.BlockStreamReader;
import dev.mallard.storage.file.BlockStreamWriter;
import dev.mallard.storage.file.FileLayer;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every segment encoding goes to a checkpoint stream and comes back with the same values. */
class SegmentCodecTest {
    @TempDir
    Path dir;

    @Test
    void packedAndPlainSegmentsRoundTrip() {
        DataTable t = PackedSegmentTest.table(); // two full (packed) row groups and a partial (plain) one
        int groups = t.rowGroupCount();
        int columns = PackedSegmentTest.TYPES.size();
        try (BlockFile file = BlockFile.create(dir.resolve("t.mallard"), FileLayer.LOCAL)) {
            AtomicLong next = new AtomicLong();
            BlockStreamWriter w = new BlockStreamWriter(file, next::getAndIncrement);
            for (int g = 0; g < groups; g++) {
                int rows = (int) Math.min(DataTable.ROW_GROUP_SIZE, t.rowIdLimit() - (long) g * DataTable.ROW_GROUP_SIZE);
                for (int c = 0; c < columns; c++) SegmentCodec.write(t.segment(g, c), rows, w);
            }
            w.finish();
            BlockStreamReader r = new BlockStreamReader(file, w.firstBlock(), next.get());
            for (int g = 0; g < groups; g++) {
                int rows = (int) Math.min(DataTable.ROW_GROUP_SIZE, t.rowIdLimit() - (long) g * DataTable.ROW_GROUP_SIZE);
                for (int c = 0; c < columns; c++) {
                    ColumnSegment back = SegmentCodec.read(PackedSegmentTest.TYPES.get(c).physicalType(), r);
                    assertThat(back.isPacked()).isEqualTo(t.segment(g, c).isPacked());
                    for (int i = 0; i < rows; i++) {
                        assertThat(back.get(i)).as("group %d column %d row %d", g, c, i)
                                .isEqualTo(PackedSegmentTest.value(c, (long) g * DataTable.ROW_GROUP_SIZE + i));
                    }
                }
            }
        }
    }

    @Test
    void otherPhysicalTypesRoundTrip() {
        List<LogicalType> types = List.of(LogicalType.BOOLEAN, LogicalType.DOUBLE, LogicalType.INTERVAL, LogicalType.decimal(38, 2));
        try (BlockFile file = BlockFile.create(dir.resolve("u.mallard"), FileLayer.LOCAL)) {
            AtomicLong next = new AtomicLong();
            BlockStreamWriter w = new BlockStreamWriter(file, next::getAndIncrement);
            List<ColumnSegment> written = new ArrayList<>();
            for (LogicalType type : types) {
                Vector v = new Vector(type, 100);
                for (int i = 0; i < 100; i++) {
                    if (i % 9 == 0) {
                        v.setNull(i);
                        continue;
                    }
                    switch (type.physicalType()) {
                        case BOOL -> v.bools[i] = i % 2 == 0;
                        case DOUBLE -> v.doubles[i] = i / 3.0;
                        case OBJECT -> v.objects[i] = new Interval(i, -i, i * 1_000_000L);
                        default -> {
                            v.longs[i] = i * 12345L;
                            v.highs[i] = -i;
                        }
                    }
                }
                ColumnSegment s = new ColumnSegment(type, 100);
                s.append(0, v, null, 100);
                written.add(s);
                SegmentCodec.write(s, 100, w);
            }
            w.finish();
            BlockStreamReader r = new BlockStreamReader(file, w.firstBlock(), next.get());
            for (int k = 0; k < types.size(); k++) {
                ColumnSegment back = SegmentCodec.read(types.get(k).physicalType(), r);
                for (int i = 0; i < 100; i++) assertThat(back.get(i)).isEqualTo(written.get(k).get(i));
            }
        }
    }
}
