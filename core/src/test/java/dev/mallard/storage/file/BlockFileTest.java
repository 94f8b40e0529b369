package dev.mallard.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockFileTest {
    @TempDir
    Path dir;

    private static ByteBuffer payload(int size, int seed) {
        ByteBuffer b = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) b.put((byte) (i * 31 + seed));
        return b.flip();
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            ch.write(one, offset);
        }
    }

    @Test
    void blocksAndHeadersSurviveReopening() {
        Path f = dir.resolve("db.mallard");
        try (BlockFile file = BlockFile.create(f, FileLayer.LOCAL)) {
            file.writeBlock(0, payload(1000, 1));
            file.writeBlock(1, payload(BlockFile.BLOCK_PAYLOAD, 2));
            file.writeHeader(new DatabaseHeader(1, 0, 2, -1));
        }
        try (BlockFile file = BlockFile.open(f, FileLayer.LOCAL, true)) {
            assertThat(file.header()).isEqualTo(new DatabaseHeader(1, 0, 2, -1));
            assertThat(file.readBlock(0)).isEqualTo(payload(1000, 1));
            assertThat(file.readBlock(1)).isEqualTo(payload(BlockFile.BLOCK_PAYLOAD, 2));
            assertThatThrownBy(() -> file.writeBlock(2, payload(10, 3))).hasMessageContaining("read-only");
        }
    }

    @Test
    void aFlippedByteIsAnErrorNamingTheBlock() throws IOException {
        Path f = dir.resolve("db.mallard");
        try (BlockFile file = BlockFile.create(f, FileLayer.LOCAL)) {
            file.writeBlock(0, payload(500, 1));
            file.writeBlock(1, payload(500, 2));
            file.writeHeader(new DatabaseHeader(1, 0, 2, -1));
        }
        flipByte(f, BlockFile.blockOffset(1) + BlockFile.BLOCK_HEADER + 77);
        try (BlockFile file = BlockFile.open(f, FileLayer.LOCAL, true)) {
            assertThat(file.readBlock(0)).isEqualTo(payload(500, 1));
            assertThatThrownBy(() -> file.readBlock(1)).isInstanceOf(MallardException.Storage.class)
                    .hasMessageContaining("block 1 of " + f).hasMessageContaining("checksum")
                    .extracting(e -> ((MallardException) e).sqlState()).isEqualTo("XX001");
        }
    }

    @Test
    void theLastBytesOfAPayloadAreCheckedToo() throws IOException {
        Path f = dir.resolve("db.mallard");
        try (BlockFile file = BlockFile.create(f, FileLayer.LOCAL)) {
            file.writeBlock(0, payload(500, 1));
            file.writeHeader(new DatabaseHeader(1, 0, 1, -1));
        }
        flipByte(f, BlockFile.blockOffset(0) + BlockFile.BLOCK_HEADER + 499);
        try (BlockFile file = BlockFile.open(f, FileLayer.LOCAL, true)) {
            assertThatThrownBy(() -> file.readBlock(0)).hasMessageContaining("block 0 of " + f).hasMessageContaining("checksum");
        }
    }

    @Test
    void eitherHeaderSlotCanBeDamaged() throws IOException {
        Path f = dir.resolve("db.mallard");
        try (BlockFile file = BlockFile.create(f, FileLayer.LOCAL)) {
            file.writeHeader(new DatabaseHeader(1, 5, 6, -1));
            file.writeHeader(new DatabaseHeader(2, 7, 8, -1));
        }
        byte[] written = Files.readAllBytes(f);
        for (long slot : new long[] {BlockFile.slotOffset(1), BlockFile.slotOffset(2)}) {
            Files.write(f, written);
            flipByte(f, slot + 3); // the other slot holds a copy: never the older checkpoint
            try (BlockFile file = BlockFile.open(f, FileLayer.LOCAL, true)) {
                assertThat(file.header()).isEqualTo(new DatabaseHeader(2, 7, 8, -1));
            }
        }
    }

    @Test
    void aTornHeaderFallsBackToThePreviousCheckpoint() throws IOException {
        Path f = dir.resolve("db.mallard");
        try (BlockFile file = BlockFile.create(f, FileLayer.LOCAL)) {
            file.writeHeader(new DatabaseHeader(1, 5, 6, -1));
        }
        flipByte(f, BlockFile.slotOffset(2) + 3); // a crash while header 2 was half written into its slot
        try (BlockFile file = BlockFile.open(f, FileLayer.LOCAL, true)) {
            assertThat(file.header()).isEqualTo(new DatabaseHeader(1, 5, 6, -1));
        }
    }

    @Test
    void aHeaderWriteThatFailedPartWayIsUndoneBeforeAnythingElseIsWritten() throws IOException {
        Path f = dir.resolve("db.mallard");
        FaultyFiles faults = new FaultyFiles();
        try (BlockFile file = BlockFile.create(f, faults)) {
            file.writeHeader(new DatabaseHeader(1, 0, 1, -1));
            // half the header reaches the disk: enough for a complete header the file says did not happen
            faults.failAfterWrites(FaultyFiles.Target.ANY, 0, true);
            assertThatThrownBy(() -> file.writeHeader(new DatabaseHeader(2, 1, 2, -1))).hasMessageContaining("cannot write the header");
            assertThat(file.header().iteration()).isEqualTo(1);
            assertThatThrownBy(file::settleHeader).hasMessageContaining(FaultyFiles.DISK_FULL);
            faults.heal();
            file.writeBlock(3, payload(10, 1)); // puts header 1 back into that slot first
        }
        flipByte(f, BlockFile.slotOffset(1) + 3); // and both slots hold it again
        try (BlockFile file = BlockFile.open(f, FileLayer.LOCAL, true)) {
            assertThat(file.header()).isEqualTo(new DatabaseHeader(1, 0, 1, -1));
        }
    }

    @Test
    void otherFilesAndNewerFormatsAreRefused() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, this is not a database, but long enough to have a header");
        assertThatThrownBy(() -> BlockFile.open(text, FileLayer.LOCAL, true))
                .hasMessageContaining("is not a Mallard database file");
        Path f = dir.resolve("db.mallard");
        BlockFile.create(f, FileLayer.LOCAL).close();
        // a later format: the next version with a valid header checksum
        int later = BlockFile.FORMAT_VERSION + 1;
        ByteBuffer h = ByteBuffer.allocate(20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.put(BlockFile.MAGIC).putInt(later).putInt(BlockFile.BLOCK_SIZE);
        h.putInt(FileIo.crc(h.array(), 0, 16)).flip();
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(h, 0);
        }
        assertThatThrownBy(() -> BlockFile.open(f, FileLayer.LOCAL, true))
                .hasMessageContaining("format version " + later).hasMessageContaining("newer Mallard");
        assertThatThrownBy(() -> BlockFile.create(f, FileLayer.LOCAL)).isInstanceOf(MallardException.Storage.class);
    }

    @Test
    void aFailedWriteLeavesTheLastCheckpoint() {
        Path f = dir.resolve("db.mallard");
        AtomicBoolean fail = new AtomicBoolean();
        FileLayer failing = (path, write, create) -> new FailingChannel(FileLayer.LOCAL.open(path, write, create), fail);
        try (BlockFile file = BlockFile.create(f, failing)) {
            file.writeBlock(0, payload(100, 1));
            file.writeHeader(new DatabaseHeader(1, 0, 1, -1));
            fail.set(true); // the disk fills up
            assertThatThrownBy(() -> file.writeBlock(1, payload(100, 2))).isInstanceOf(MallardException.Storage.class)
                    .hasMessageContaining("cannot write block 1").hasMessageContaining("No space left");
            assertThatThrownBy(() -> file.writeHeader(new DatabaseHeader(2, 1, 2, -1)))
                    .hasMessageContaining("cannot write the header");
            assertThat(file.header().iteration()).isEqualTo(1);
        }
        try (BlockFile file = BlockFile.open(f, FileLayer.LOCAL, true)) {
            assertThat(file.header()).isEqualTo(new DatabaseHeader(1, 0, 1, -1));
            assertThat(file.readBlock(0)).isEqualTo(payload(100, 1));
        }
    }
}
