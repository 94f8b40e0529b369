package dev.mallard.execution.hash;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a join's integer key goes in a direct array rather than a hash table (answers: sql/joins/direct_*.test). */
class JoinHashTableTest {
    @Test
    void smallRangesAreDirect() {
        assertTrue(JoinHashTable.direct(500, 2000));
        assertTrue(JoinHashTable.direct(65_536, 10));
        assertTrue(JoinHashTable.direct(4_000_000, 2_000_000));
    }

    @Test
    void sparseKeysAreDirectWhileTheArrayCostsAtMostTwiceTheHashedTable() {
        assertTrue(JoinHashTable.direct(200_000, 45_000), "sql/joins/direct_sparse.test");
        assertTrue(JoinHashTable.direct(6_000_000, 730_000), "open orders by order key at SF 1");
        assertFalse(JoinHashTable.direct(1_000_000, 1_000), "a few keys spread wide: hashed");
        assertFalse(JoinHashTable.direct(1L << 40, 5_000_000), "a range beyond any array");
        assertFalse(JoinHashTable.direct((1L << 25) + 1, 20_000_000), "capped at 32 Mi entries");
    }
}
