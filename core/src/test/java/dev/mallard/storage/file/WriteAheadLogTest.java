package dev.mallard.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.storage.file.WriteAheadLog.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {
    @TempDir
    Path dir;

    private static List<Entry> txn(String... payloads) {
        return java.util.Arrays.stream(payloads).map(p -> new Entry((byte) 1, p.getBytes())).toList();
    }

    private static List<List<String>> text(List<List<Entry>> txns) {
        return txns.stream().map(t -> t.stream().map(e -> new String(e.payload())).toList()).toList();
    }

    @Test
    void committedTransactionsAreReadBackInOrder() {
        Path f = dir.resolve("db.wal");
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 3)) {
            assertThat(log.committed()).isEmpty();
            log.append(txn("a", "b"), true);
            log.append(txn("c"), true);
            log.append(List.of(), true);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 3)) {
            assertThat(text(log.committed())).containsExactly(List.of("a", "b"), List.of("c"), List.of());
        }
    }

    @Test
    void aTornTailIsDroppedAndOverwritten() throws IOException {
        Path f = dir.resolve("db.wal");
        long good;
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            log.append(txn("kept"), true);
            good = log.size();
            log.append(txn("cut", "short"), true);
        }
        // a crash in the middle of the second append: its last bytes never reached the disk
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(f) - 3);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            assertThat(text(log.committed())).containsExactly(List.of("kept"));
            assertThat(log.size()).isEqualTo(good);
            log.append(txn("after"), true);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            assertThat(text(log.committed())).containsExactly(List.of("kept"), List.of("after"));
        }
    }

    @Test
    void aDamagedEntryEndsTheLog() throws IOException {
        Path f = dir.resolve("db.wal");
        long second;
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            log.append(txn("one"), true);
            second = log.size();
            log.append(txn("two"), true);
            log.append(txn("three"), true);
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'X'}), second + WriteAheadLog.ENTRY_HEADER);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            assertThat(text(log.committed())).containsExactly(List.of("one"));
        }
    }

    @Test
    void aLogFromAnEarlierCheckpointIsIgnored() {
        Path f = dir.resolve("db.wal");
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 4)) {
            log.append(txn("already checkpointed"), true);
        }
        // the checkpoint to iteration 5 completed, the crash came before the log was reset
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 5)) {
            assertThat(log.committed()).isEmpty();
            assertThat(log.iteration()).isEqualTo(5);
            log.append(txn("new"), true);
            log.reset(6);
            assertThat(log.size()).isEqualTo(WriteAheadLog.HEADER);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 6)) {
            assertThat(log.committed()).isEmpty();
        }
    }

    @Test
    void aFailedAppendLeavesTheLogAsItWas() {
        Path f = dir.resolve("db.wal");
        AtomicBoolean fail = new AtomicBoolean();
        FileLayer failing = (path, write, create) -> new FailingChannel(FileLayer.LOCAL.open(path, write, create), fail);
        try (WriteAheadLog log = WriteAheadLog.open(f, failing, 0)) {
            log.append(txn("first"), true);
            fail.set(true);
            assertThatThrownBy(() -> log.append(txn("lost"), true)).isInstanceOf(MallardException.Storage.class)
                    .hasMessageContaining("No space left");
            fail.set(false);
            log.append(txn("second"), true);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            assertThat(text(log.committed())).containsExactly(List.of("first"), List.of("second"));
        }
    }

    @Test
    void aLogFromAnEarlierCheckpointIsCutSoThatItsEntriesNeverComeBack() {
        Path f = dir.resolve("db.wal");
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 4)) {
            for (String s : List.of("one", "two", "six")) log.append(txn(s), true);
        }
        // the checkpoint to iteration 5 holds them; the next append is exactly as long as the first
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 5)) {
            log.append(txn("new"), true);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 5)) {
            assertThat(text(log.committed())).containsExactly(List.of("new"));
        }
    }

    @Test
    void theEntriesAfterADamagedOneAreCutSoThatTheyNeverComeBack() throws IOException {
        Path f = dir.resolve("db.wal");
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            for (String s : List.of("one", "two", "six")) log.append(txn(s), true);
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'X'}), WriteAheadLog.HEADER + WriteAheadLog.ENTRY_HEADER);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            assertThat(log.committed()).isEmpty();
            log.append(txn("new"), true);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            assertThat(text(log.committed())).containsExactly(List.of("new"));
        }
    }

    @Test
    void anAppendWhoseSyncFailedIsNeverReadAsCommitted() {
        Path f = dir.resolve("db.wal");
        FaultyFiles faults = new FaultyFiles();
        try (WriteAheadLog log = WriteAheadLog.open(f, faults, 0)) {
            log.append(txn("first"), true);
            // the bytes reach the file, the sync fails, and so does cutting them off
            faults.failAfterSyncs(FaultyFiles.Target.ANY, 0);
            assertThatThrownBy(() -> log.append(txn("ab", "cd", "lost"), true)).hasMessageContaining(FaultyFiles.IO_ERROR);
            faults.heal();
            // ends exactly where the failed append's third entry begins: that entry must not follow it
            log.append(txn("abcd"), true);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 0)) {
            assertThat(text(log.committed())).containsExactly(List.of("first"), List.of("abcd"));
        }
    }

    @Test
    void aResetThatFailedIsFinishedBeforeTheNextAppend() {
        Path f = dir.resolve("db.wal");
        FaultyFiles faults = new FaultyFiles();
        try (WriteAheadLog log = WriteAheadLog.open(f, faults, 0)) {
            log.append(txn("in the checkpoint"), true);
            faults.failAfterWrites(FaultyFiles.Target.ANY, 0, true);
            log.reset(1); // the checkpoint is durable: no error
            assertThat(log.size()).isEqualTo(WriteAheadLog.HEADER);
            faults.heal();
            log.append(txn("after"), true);
        }
        try (WriteAheadLog log = WriteAheadLog.open(f, FileLayer.LOCAL, 1)) {
            assertThat(text(log.committed())).containsExactly(List.of("after"));
        }
    }

    @Test
    void otherFilesAreRefused() throws IOException {
        Path f = dir.resolve("notes.wal");
        Files.writeString(f, "some other file that happens to have this name and is long enough");
        assertThatThrownBy(() -> WriteAheadLog.open(f, FileLayer.LOCAL, 0)).hasMessageContaining("not a Mallard write-ahead log");
    }

    @Test
    void entriesOfAnEarlierCheckpointNeverPassForLaterOnes() throws IOException {
        Path p = dir.resolve("salt.wal");
        try (WriteAheadLog log = WriteAheadLog.open(p, FileLayer.LOCAL, 5)) {
            log.append(List.of(new Entry((byte) 1, new byte[] {1, 2, 3})), true);
        }
        // A header claiming the next checkpoint over the old entries, as if a truncation had been lost.
        byte[] bytes = Files.readAllBytes(p);
        ByteBuffer h = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.putLong(12, 6);
        h.putInt(24, FileIo.crc(bytes, 0, 24));
        Files.write(p, bytes);
        try (WriteAheadLog log = WriteAheadLog.open(p, FileLayer.LOCAL, 6)) {
            assertThat(log.committed()).isEmpty();
        }
    }
}
