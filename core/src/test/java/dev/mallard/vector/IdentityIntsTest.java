package dev.mallard.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityIntsTest {
    @Test
    void keysWhoseHashesCollideBothStay() {
        // "label" and "due" share the low six bits of their hashes, as the benchmark's keys do
        assertThat("label".hashCode() & 63).isEqualTo("due".hashCode() & 63);
        IdentityInts t = new IdentityInts(64);
        t.put("label", 7);
        t.put("due", -2);
        for (int round = 0; round < 3; round++) {
            assertThat(t.get("label")).isEqualTo(7);
            assertThat(t.get("due")).isEqualTo(-2);
        }
    }

    @Test
    void equalStringsThatAreOtherObjectsAreNotFound() {
        IdentityInts t = new IdentityInts(64);
        String key = "name";
        t.put(key, 1);
        assertThat(t.get(key)).isEqualTo(1);
        assertThat(t.get(new String(key))).isEqualTo(IdentityInts.ABSENT);
    }

    @Test
    void fillsUpAndStartsOver() {
        IdentityInts t = new IdentityInts(64);
        int n = 0;
        while (!t.isFull()) t.put("k" + n, n++);
        assertThat(n).isEqualTo(32);
        assertThatThrownBy(() -> t.put("one more", 0)).isInstanceOf(IllegalStateException.class);
        t.clear();
        assertThat(t.isFull()).isFalse();
        t.put("again", 3);
        assertThat(t.get("again")).isEqualTo(3);
    }
}
