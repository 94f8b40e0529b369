package dev.mallard.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockStreamTest {
    @TempDir
    Path dir;

    @Test
    void aStreamLongerThanABlockReadsBackValueForValue() {
        Path f = dir.resolve("db.mallard");
        AtomicLong next = new AtomicLong();
        long first;
        int values = 120_000; // ~1.5 MiB: six blocks
        byte[] blob = new byte[300_000];
        for (int i = 0; i < blob.length; i++) blob[i] = (byte) (i * 7);
        try (BlockFile file = BlockFile.create(f, FileLayer.LOCAL)) {
            BlockStreamWriter w = new BlockStreamWriter(file, next::getAndIncrement);
            for (int i = 0; i < values; i++) {
                w.writeInt(i).writeLong(i * 1_000_003L).writeByte(i).writeString(i % 1000 == 0 ? null : "v" + i);
            }
            w.writeBytes(blob, 0, blob.length).writeDouble(Math.PI);
            w.finish();
            first = w.firstBlock();
            assertThat(w.blocks().size()).isGreaterThan(4);
            file.writeHeader(new DatabaseHeader(1, first, next.get(), -1));
        }
        try (BlockFile file = BlockFile.open(f, FileLayer.LOCAL, true)) {
            BlockStreamReader r = new BlockStreamReader(file, file.header().metaBlock(), file.header().blockCount());
            for (int i = 0; i < values; i++) {
                assertThat(r.readInt()).isEqualTo(i);
                assertThat(r.readLong()).isEqualTo(i * 1_000_003L);
                assertThat((byte) r.readByte()).isEqualTo((byte) i);
                assertThat(r.readString()).isEqualTo(i % 1000 == 0 ? null : "v" + i);
            }
            byte[] back = new byte[blob.length];
            r.readBytes(back, 0, back.length);
            assertThat(back).isEqualTo(blob);
            assertThat(r.readDouble()).isEqualTo(Math.PI);
            assertThatThrownBy(r::readLong).hasMessageContaining("past the end");
        }
    }

    @Test
    void aBrokenLinkIsDamageNotALoop() {
        Path f = dir.resolve("db.mallard");
        try (BlockFile file = BlockFile.create(f, FileLayer.LOCAL)) {
            // block 0 links to itself
            ByteBuffer b = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(42);
            file.writeBlock(0, b.flip());
            BlockStreamReader r = new BlockStreamReader(file, 0, 1);
            assertThat(r.readLong()).isEqualTo(42);
            assertThatThrownBy(r::readLong).hasMessageContaining("the file is damaged");
        }
    }
}
