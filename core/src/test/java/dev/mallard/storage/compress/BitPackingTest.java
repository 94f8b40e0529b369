package dev.mallard.storage.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every bit width packs and unpacks exactly, from any starting value, whatever the base. */
class BitPackingTest {

    @Test
    void everyWidthRoundTripsFromEveryStart() {
        SplittableRandom random = new SplittableRandom(1);
        for (int width = 0; width <= 64; width++) {
            for (long base : new long[] {0, -5, Long.MIN_VALUE, Long.MAX_VALUE, 123456789}) {
                int n = 1 + random.nextInt(300);
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    long offset = width == 64 ? random.nextLong() : width == 0 ? 0 : random.nextLong() & ((1L << width) - 1);
                    values[i] = base + offset;
                }
                if (width > 0) values[n / 2] = base + (width == 64 ? -1L : (1L << width) - 1); // the widest offset
                PayloadWriter out = new PayloadWriter();
                out.putByte(7); // packing need not start at 0
                BitPacking.pack(values, 0, n, base, width, out);
                assertThat(out.size()).isEqualTo(1 + BitPacking.bytes(n, width));
                byte[] a = Arrays.copyOf(out.array(), out.size() + PayloadReader.SLACK);
                long[] back = new long[n];
                BitPacking.unpack(a, 1, 0, width, base, back, 0, n);
                assertThat(back).as("width %d base %d", width, base).isEqualTo(values);
                // from the middle, into the middle of another array
                int first = n / 3, count = n - first;
                long[] part = new long[count + 5];
                BitPacking.unpack(a, 1, first, width, base, part, 5, count);
                assertThat(Arrays.copyOfRange(part, 5, count + 5)).isEqualTo(Arrays.copyOfRange(values, first, n));
            }
        }
    }

    @Test
    void widthIsTheBitsOfTheUnsignedValue() {
        assertThat(BitPacking.width(0)).isZero();
        assertThat(BitPacking.width(1)).isEqualTo(1);
        assertThat(BitPacking.width(255)).isEqualTo(8);
        assertThat(BitPacking.width(256)).isEqualTo(9);
        assertThat(BitPacking.width(-1)).isEqualTo(64);
        assertThat(BitPacking.bytes(3, 3)).isEqualTo(2);
        assertThat(BitPacking.bytes(122_880, 64)).isEqualTo(122_880 * 8L);
    }
}
