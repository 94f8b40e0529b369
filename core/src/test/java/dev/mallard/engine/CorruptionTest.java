package dev.mallard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.MallardException;
import dev.mallard.storage.file.BlockFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files: a byte flipped anywhere in a database file is either reported on open (naming
 * the block) or, where it cannot matter (unused bytes, one of the two copies of the database
 * header), changes nothing; a byte flipped in the write-ahead log ends recovery at the damaged
 * transaction, leaving the state after the transactions before it. Never a wrong answer.
 *
 * <p>The tests know the file layouts ({@link BlockFile}, {@link dev.mallard.storage.file.WriteAheadLog}) to aim
 * at every part: file header, header slots, each block's checksum, length and payload, each log
 * entry's length, checksum, type and payload.
 */
class CorruptionTest {
    private static final int HEADER_SIZE = 4096;
    private static final long DATA_START = 3L * HEADER_SIZE;
    private static final int SLOT_BYTES = 36;
    private static final int FILE_HEADER_BYTES = 20;

    @TempDir
    Path dir;

    private ClientContext open(Path path) {
        return DatabaseInstance.connect(path, false);
    }

    @Test
    void everyDamagedByteOfTheDatabaseFileIsReportedOrHarmless() throws IOException {
        Path db = dir.resolve("big.db");
        try (ClientContext c = open(db)) {
            c.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, amount DECIMAL(12,2), d DATE, note VARCHAR)");
            c.execute("INSERT INTO items SELECT i, 'item ' || (i % 977), i % 1000 * 0.25, DATE '2020-01-01' + CAST(i % 3000 AS INTEGER),"
                    + " CASE WHEN i % 3 = 0 THEN NULL ELSE md5(CAST(i AS VARCHAR)) END FROM range(130000) r(i)");
            c.execute("CREATE TABLE kv(k VARCHAR, v BIGINT)");
            c.execute("INSERT INTO kv VALUES ('a', 1), ('b', NULL), (NULL, 3)");
            c.execute("CREATE VIEW small AS SELECT * FROM items WHERE id < 10");
        }
        // (the notes are hashes: compression leaves them large enough to fill several blocks)
        // A second checkpoint: the blocks of the first are then free, bytes that no longer matter.
        try (ClientContext c = open(db)) {
            c.execute("DELETE FROM items WHERE id % 10 = 7");
            c.execute("UPDATE kv SET v = 2 WHERE k = 'b'");
            c.execute("CREATE TABLE dates(d DATE, t VARCHAR)");
            c.execute("INSERT INTO dates VALUES (DATE '1999-12-31', 'eve'), (NULL, NULL)");
        }
        String original;
        java.util.Set<Long> used;
        try (ClientContext c = open(db)) {
            original = fingerprint(c);
            used = c.database().usedBlocks();
        }
        byte[] pristine = Files.readAllBytes(db);
        Path wal = DatabaseFile.walPath(db);
        byte[] pristineLog = Files.readAllBytes(wal);

        Layout layout = Layout.of(pristine, used);
        assertThat(layout.blocks.size()).as("blocks in the checkpoint").isGreaterThan(5);
        List<Long> positions = layout.targets(new Random(42));
        int reported = 0, harmless = 0;
        for (long at : positions) {
            byte[] damaged = pristine.clone();
            damaged[(int) at] ^= (byte) (1 << (at % 8));
            Files.write(db, damaged);
            Files.write(wal, pristineLog);
            String where = "byte " + at + " (" + layout.describe(at) + ")";
            boolean mustReport = layout.matters(at);
            // Segments are read when queries need them: damage shows at open or when the rows are read.
            try (ClientContext c = open(db)) {
                String print = fingerprint(c);
                List<String> check = FaultInjectionTest.column(c, "PRAGMA integrity_check");
                assertThat(mustReport).as(where + " is damaged but the database answered").isFalse();
                assertThat(print).as(where).isEqualTo(original);
                assertThat(check).as(where).containsExactly("ok");
                harmless++;
            } catch (MallardException e) {
                assertThat(mustReport).as(where + " cannot matter, yet: " + e.getMessage()).isTrue();
                assertThat(e.sqlState()).as(where + ": " + e.getMessage()).isIn("XX001", "58000");
                assertThat(e.getMessage()).as(where).contains(db.toString());
                Long block = layout.blockAt(at);
                if (block != null) assertThat(e.getMessage()).as(where).contains("block " + block);
                reported++;
            }
        }
        System.out.println("corruption, database file: " + positions.size() + " byte flips, " + reported + " reported, "
                + harmless + " harmless, none misread");
    }

    /** The first transaction: repeated after recovery while kv exists, it takes as many log bytes as the first time. */
    private static final String FIRST_AGAIN = "INSERT INTO kv VALUES ('one', 1)";

    private static final String[][] TRANSACTIONS = {
        {FIRST_AGAIN},
        {"INSERT INTO items SELECT i, 'new ' || i, i * 0.5, DATE '2021-06-01' + CAST(i AS INTEGER), NULL FROM range(1000, 1050) r(i)"},
        {"UPDATE items SET amount = amount * 2, note = 'doubled' WHERE id % 7 = 0"},
        {"DELETE FROM items WHERE id BETWEEN 10 AND 19"},
        {"CREATE TABLE extra(a INTEGER, b VARCHAR)"},
        {"BEGIN TRANSACTION", "INSERT INTO extra VALUES (1, 'x'), (2, NULL)", "UPDATE kv SET v = 10 WHERE k = 'one'",
            "DELETE FROM items WHERE id = 5", "COMMIT"},
        {"ALTER TABLE extra ADD COLUMN c DATE DEFAULT DATE '2024-02-29'"},
        {"INSERT INTO extra VALUES (3, 'y', NULL)"},
        {"ALTER TABLE kv RENAME TO pairs"},
        {"INSERT INTO pairs VALUES ('two', 2)"},
        {"DROP TABLE extra"},
        {"UPDATE items SET name = 'renamed' WHERE id < 30"},
    };

    @Test
    void aDamagedLogEntryEndsRecoveryAtTheTransactionBeforeIt() throws IOException {
        Path db = dir.resolve("log.db");
        List<String> states = new ArrayList<>(); // states.get(k): after the first k transactions
        try (ClientContext c = open(db)) {
            c.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, name VARCHAR, amount DECIMAL(10,2), d DATE, note VARCHAR)");
            c.execute("INSERT INTO items SELECT i, 'item ' || i, i * 1.5, DATE '2020-01-01' + CAST(i AS INTEGER),"
                    + " CASE WHEN i % 4 = 0 THEN NULL ELSE 'n' || i END FROM range(300) r(i)");
            c.execute("CREATE TABLE kv(k VARCHAR, v BIGINT)");
            c.execute("CHECKPOINT");
            states.add(fingerprint(c));
            for (String[] transaction : TRANSACTIONS) {
                for (String statement : transaction) c.execute(statement);
                states.add(fingerprint(c));
            }
            c.execute("PRAGMA disable_checkpoint_on_shutdown");
        }
        byte[] pristine = Files.readAllBytes(db);
        Path wal = DatabaseFile.walPath(db);
        byte[] pristineLog = Files.readAllBytes(wal);
        LogLayout log = LogLayout.of(pristineLog);
        assertThat(log.transactionCount()).isEqualTo(TRANSACTIONS.length);

        int refused = 0;
        List<Integer> positions = log.targets();
        for (int at : positions) {
            byte[] damaged = pristineLog.clone();
            damaged[at] ^= (byte) (1 << (at % 8));
            String where = "log byte " + at + " (" + log.describe(at) + ")";
            try {
                recover(db, pristine, damaged, states.get(log.survivingTransactions(at)), where);
            } catch (MallardException e) {
                assertThat(at).as(where + ": " + e.getMessage()).isLessThan(8); // only a log that is not one is refused
                assertThat(e.sqlState()).isEqualTo("58000");
                assertThat(e.getMessage()).contains(wal.toString());
                refused++;
            }
        }
        // A crash part way through an append: the log ends inside an entry.
        for (int[] entry : log.entries()) {
            byte[] torn = java.util.Arrays.copyOf(pristineLog, entry[0] + 1 + entry[1] / 2);
            recover(db, pristine, torn, states.get(entry[2]), "log cut inside the entry at " + entry[0]);
        }
        System.out.println("corruption, log: " + positions.size() + " byte flips (" + (positions.size() - refused)
                + " recovered to the committed prefix before the damage, " + refused + " refused: log header magic), "
                + log.entries().size() + " torn tails recovered to the prefix before them");
    }

    /**
     * Opens the database with {@code log} beside it: the state must be {@code expected}; then the
     * log must go on from there, nothing it dropped coming back at a later open.
     */
    private void recover(Path db, byte[] file, byte[] log, String expected, String where) throws IOException {
        Files.write(db, file);
        Files.write(DatabaseFile.walPath(db), log);
        String after;
        try (ClientContext c = open(db)) {
            String recovered = fingerprint(c);
            assertThat(recovered).as(where).isEqualTo(expected);
            // While kv exists (before its rename), the first transaction again: as long in the log,
            // appended where it was, it must not revive the ones after it.
            c.execute(recovered.contains("kv[") ? FIRST_AGAIN : "INSERT INTO items VALUES (5000, 'later', 1, NULL, NULL)");
            after = fingerprint(c);
            c.execute("PRAGMA disable_checkpoint_on_shutdown");
        }
        try (ClientContext c = open(db)) {
            assertThat(fingerprint(c)).as(where + ", then a commit and a reopen").isEqualTo(after);
        }
    }

    /** Where a log's bytes are, read as {@link dev.mallard.storage.file.WriteAheadLog} lays it out. */
    private record LogLayout(byte[] file, List<int[]> entries) {
        static final int HEADER = 32, ENTRY_HEADER = 9, CHECKSUMMED_HEADER = 28;

        /** Entries as {start, payload length, index of the transaction they belong to}. */
        static LogLayout of(byte[] file) {
            ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            List<int[]> entries = new ArrayList<>();
            int transaction = 0;
            for (int at = HEADER; at < file.length; ) {
                int length = b.getInt(at);
                entries.add(new int[] {at, length, transaction});
                if (b.get(at + 8) == 0) transaction++; // a commit marker
                at += ENTRY_HEADER + length;
            }
            return new LogLayout(file, entries);
        }

        int transactionCount() {
            return entries.get(entries.size() - 1)[2] + 1;
        }

        int[] entryAt(int at) {
            for (int[] e : entries) if (at >= e[0] && at < e[0] + ENTRY_HEADER + e[1]) return e;
            return null;
        }

        /** Transactions recovery keeps when byte {@code at} is damaged: those before it, all of them past the header's checksum. */
        int survivingTransactions(int at) {
            if (at < CHECKSUMMED_HEADER) return 0;
            int[] e = entryAt(at);
            return e == null ? transactionCount() : e[2];
        }

        String describe(int at) {
            if (at < HEADER) return "header";
            int[] e = entryAt(at);
            int within = at - e[0];
            return "transaction " + e[2] + ", entry at " + e[0] + (within < 4 ? " length" : within < 8 ? " checksum" : within < 9 ? " type"
                    : " payload byte " + (within - ENTRY_HEADER) + " of " + e[1]);
        }

        /** Every header byte; each entry's length, checksum, type and first, middle and last payload bytes. */
        List<Integer> targets() {
            TreeSet<Integer> at = new TreeSet<>();
            for (int i = 0; i < HEADER; i++) at.add(i);
            for (int[] e : entries) {
                for (int within : new int[] {0, 3, 4, 7, 8, ENTRY_HEADER, ENTRY_HEADER + e[1] / 2, ENTRY_HEADER + e[1] - 1}) {
                    if (within < ENTRY_HEADER + e[1]) at.add(e[0] + within);
                }
            }
            return new ArrayList<>(at);
        }
    }

    /** A database's tables, columns and rows, in a line: equal for equal contents, whatever the row order. */
    static String fingerprint(ClientContext c) {
        StringBuilder out = new StringBuilder();
        for (String table : new TreeSet<>(FaultInjectionTest.column(c, "SHOW TABLES"))) {
            try (QueryResult r = FaultInjectionTest.result(c, "SELECT * FROM \"" + table + "\"")) {
                long rows = 0, sum = 0;
                for (var chunk = r.next(); chunk != null; chunk = r.next()) {
                    for (int k = 0; k < chunk.count(); k++, rows++) {
                        long h = 1;
                        for (int col = 0; col < chunk.columnCount(); col++) h = h * 1_000_003 + java.util.Objects.hashCode(chunk.getObject(col, k));
                        sum += h * 0x9E3779B97F4A7C15L ^ (h >>> 29);
                    }
                }
                out.append(table).append(r.columnNames()).append(r.columnTypes()).append(' ').append(rows).append(' ').append(sum).append("; ");
            }
        }
        return out.toString();
    }

    /** Where a database file's bytes are, read from the file as {@link BlockFile} lays it out. */
    private record Layout(byte[] file, TreeSet<Long> blocks) {
        /** @param used the blocks of the checkpoint in force: its metadata chain and its segments' data blocks */
        static Layout of(byte[] file, java.util.Set<Long> used) {
            ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            long slot0 = b.getLong(HEADER_SIZE), slot1 = b.getLong(2 * HEADER_SIZE);
            long meta = b.getLong((slot0 >= slot1 ? 1 : 2) * HEADER_SIZE + 8);
            // The metadata is a chain of blocks (each payload starts with the next block's id).
            TreeSet<Long> chain = new TreeSet<>();
            for (long block = meta; block >= 0; block = b.getLong((int) (offset(block) + 8))) chain.add(block);
            assertThat(used).containsAll(chain);
            return new Layout(file, new TreeSet<>(used));
        }

        static long offset(long block) {
            return DATA_START + block * BlockFile.BLOCK_SIZE;
        }

        /** The block of the checkpoint that byte {@code at} belongs to, or null. */
        Long blockAt(long at) {
            if (at < DATA_START) return null;
            long block = (at - DATA_START) / BlockFile.BLOCK_SIZE;
            return blocks.contains(block) ? block : null;
        }

        int length(long block) {
            return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt((int) offset(block) + 4);
        }

        /** Whether damage at {@code at} changes what the file says: a checkpoint block's used bytes, or the file header. */
        boolean matters(long at) {
            if (at < FILE_HEADER_BYTES) return true;
            Long block = blockAt(at);
            return block != null && at < offset(block) + 8 + length(block);
        }

        String describe(long at) {
            if (at < HEADER_SIZE) return "file header";
            if (at < DATA_START) return "header slot " + (at / HEADER_SIZE - 1) + (at % HEADER_SIZE < SLOT_BYTES ? "" : ", unused");
            long block = (at - DATA_START) / BlockFile.BLOCK_SIZE;
            long within = at - offset(block);
            if (!blocks.contains(block)) return "free block " + block;
            return "block " + block + (within < 4 ? " checksum" : within < 8 ? " length" : within < 8 + length(block)
                    ? " payload byte " + (within - 8) + " of " + length(block) : " unused");
        }

        /** Bytes to damage: every field of every header, the edges and middle of every block, and some anywhere. */
        List<Long> targets(Random random) {
            TreeSet<Long> at = new TreeSet<>();
            for (long i = 0; i < FILE_HEADER_BYTES; i++) at.add(i);
            at.add(FILE_HEADER_BYTES + 100L);
            for (int slot = 1; slot <= 2; slot++) {
                for (long i = 0; i < SLOT_BYTES; i += 3) at.add(slot * (long) HEADER_SIZE + i);
                at.add(slot * (long) HEADER_SIZE + SLOT_BYTES - 1);
                at.add(slot * (long) HEADER_SIZE + 1000);
            }
            long blockCount = (file.length - DATA_START + BlockFile.BLOCK_SIZE - 1) / BlockFile.BLOCK_SIZE;
            for (long block = 0; block < blockCount; block++) {
                long start = offset(block);
                int length = length(block);
                long[] edges = blocks.contains(block)
                        ? new long[] {0, 3, 4, 7, 8, 15, 8 + length / 2, 8 + length - 5, 8 + length - 4, 8 + length - 1, 8 + length}
                        : new long[] {0, 4, 8 + length / 2}; // a free block: all alike, none of it read
                for (long within : edges) {
                    if (within >= 0 && start + within < file.length) at.add(start + within);
                }
            }
            for (int i = 0; i < 40; i++) at.add((long) random.nextInt(file.length));
            return new ArrayList<>(at);
        }
    }
}
