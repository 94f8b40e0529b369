package dev.mallard.storage.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Integers go through the smallest encoding and come back exactly, read whole or a chunk at a
 * time; the chooser picks the encoding the data calls for.
 */
class IntegerCodecTest {

    static long[] roundTrip(long[] values) {
        PayloadWriter out = new PayloadWriter();
        IntegerCodec.write(values, values.length, out);
        assertThat(out.size()).isEqualTo(IntegerCodec.size(values, values.length));
        PayloadReader r = new PayloadReader(Arrays.copyOf(out.array(), out.size() + PayloadReader.SLACK), out.size());
        long[] back = IntegerArrays.longs(IntegerCodec.read(r, values.length), values.length);
        assertThat(r.atEnd()).isTrue();
        return back;
    }

    /** Reads back in uneven pieces, as the narrowing helpers and decoders of runs and deltas must support. */
    static long[] roundTripInPieces(long[] values, SplittableRandom random) {
        PayloadWriter out = new PayloadWriter();
        IntegerCodec.write(values, values.length, out);
        PayloadReader r = new PayloadReader(Arrays.copyOf(out.array(), out.size() + PayloadReader.SLACK), out.size());
        IntegerDecoder d = IntegerCodec.read(r, values.length);
        long[] back = new long[values.length];
        for (int pos = 0; pos < values.length; ) {
            int k = Math.min(values.length - pos, 1 + random.nextInt(700));
            d.next(back, pos, k);
            pos += k;
        }
        return back;
    }

    @Test
    void eachEncodingIsChosenForTheDataItSuits() {
        long[] constant = new long[5000];
        Arrays.fill(constant, -42);
        assertThat(IntegerCodec.choose(constant, constant.length)).isEqualTo(new ConstantEncoding(-42));

        long[] keys = new long[5000]; // sorted order keys: rising by 0 to 7, span far beyond 3 bits
        SplittableRandom random = new SplittableRandom(2);
        keys[0] = 1_000_000;
        for (int i = 1; i < keys.length; i++) keys[i] = keys[i - 1] + random.nextInt(8);
        assertThat(IntegerCodec.choose(keys, keys.length)).isInstanceOf(DeltaEncoding.class)
                .extracting(e -> ((DeltaEncoding) e).width()).isEqualTo(3);

        long[] dates = new long[5000]; // unsorted values in a small range
        for (int i = 0; i < dates.length; i++) dates[i] = 8035 + random.nextInt(2526);
        assertThat(IntegerCodec.choose(dates, dates.length)).isEqualTo(new BitPackedEncoding(5000, 8035, 12));

        long[] quantities = new long[5000]; // whole numbers in a DECIMAL(15,2): multiples of 100
        for (int i = 0; i < quantities.length; i++) quantities[i] = 100L * (1 + random.nextInt(50));
        assertThat(IntegerCodec.choose(quantities, quantities.length)).isInstanceOf(ScaledEncoding.class)
                .extracting(e -> ((ScaledEncoding) e).width()).isEqualTo(6);

        long[] runs = new long[5000]; // long runs of wide values
        for (int i = 0; i < runs.length; i++) runs[i] = (i / 500) * 1_000_000_007L;
        assertThat(IntegerCodec.choose(runs, runs.length)).isInstanceOf(RunLengthEncoding.class);
    }

    @Test
    void extremesRoundTripInEveryEncoding() {
        long[][] cases = {
            {},
            {0},
            {Long.MIN_VALUE},
            {Long.MAX_VALUE},
            {Long.MIN_VALUE, Long.MAX_VALUE},
            {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1},
            {Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE},
            {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE},
            {-1, -1, -1, -1},
            {5, 4, 3, 2, 1, 0, -1, -2},
            {-300, 600, 0, 900, -300},
            {Long.MIN_VALUE, Long.MIN_VALUE + 6, Long.MIN_VALUE + 3},
            {Long.MAX_VALUE, Long.MAX_VALUE - 1_000_000, Long.MAX_VALUE - 4_000_000},
            {Long.MIN_VALUE, -2, Long.MAX_VALUE - 1}, // a span of 2^64 - 2, even: no factor may be taken
        };
        for (long[] values : cases) {
            assertThat(roundTrip(values)).as(Arrays.toString(values)).isEqualTo(values);
            // every encoding, not only the chosen one
            for (IntegerEncoding e : encodingsFor(values)) {
                PayloadWriter out = new PayloadWriter();
                IntegerCodec.write(e, values, values.length, out);
                assertThat(out.size()).as(e.toString()).isEqualTo(1 + e.size());
                PayloadReader r = new PayloadReader(Arrays.copyOf(out.array(), out.size() + PayloadReader.SLACK), out.size());
                assertThat(IntegerArrays.longs(IntegerCodec.read(r, values.length), values.length))
                        .as(e + " of " + Arrays.toString(values)).isEqualTo(values);
            }
        }
    }

    private static IntegerEncoding[] encodingsFor(long[] values) {
        IntegerStats s = IntegerStats.of(values, values.length);
        java.util.List<IntegerEncoding> all = new java.util.ArrayList<>(List.of(BitPackedEncoding.of(s), RunLengthEncoding.of(s)));
        if (values.length > 0) all.add(DeltaEncoding.of(values, s));
        if (ScaledEncoding.of(values, s) != null) all.add(ScaledEncoding.of(values, s));
        return all.toArray(new IntegerEncoding[0]);
    }

    @Test
    void randomDataRoundTrips() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(20_000);
            long[] values = new long[n];
            int shape = random.nextInt(6);
            int width = random.nextInt(65);
            long base = random.nextLong();
            for (int i = 0; i < n; i++) {
                long r = width == 64 ? random.nextLong() : random.nextLong() & ((1L << width) - 1);
                values[i] = switch (shape) {
                    case 0 -> base + r; // frame of reference
                    case 1 -> i == 0 ? base : values[i - 1] + (r & 15); // sorted
                    case 2 -> i > 0 && random.nextInt(20) != 0 ? values[i - 1] : r; // runs
                    case 3 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
                    case 4 -> base + (r >>> 8) * 1000; // a common factor
                    default -> r;
                };
            }
            assertThat(roundTrip(values)).as("round %d shape %d", round, shape).isEqualTo(values);
            assertThat(roundTripInPieces(values, random)).as("round %d shape %d in pieces", round, shape).isEqualTo(values);
        }
    }

    @Test
    void narrowingChecksTheRange() {
        long[] values = {0, 70_000, 3};
        PayloadWriter out = new PayloadWriter();
        IntegerCodec.write(values, 3, out);
        byte[] a = Arrays.copyOf(out.array(), out.size() + PayloadReader.SLACK);
        assertThatThrownBy(() -> IntegerArrays.offsets16(IntegerCodec.read(new PayloadReader(a, out.size()), 3), 3, 0))
                .isInstanceOf(MallardException.Storage.class).hasMessageContaining("out of range");
        assertThat(IntegerArrays.offsets32(IntegerCodec.read(new PayloadReader(a, out.size()), 3), 3, 0)).containsExactly(0, 70_000, 3);
        assertThatThrownBy(() -> IntegerArrays.codes8(IntegerCodec.read(new PayloadReader(a, out.size()), 3), 3, 4))
                .isInstanceOf(MallardException.Storage.class);
    }

    @Test
    void anUnknownTagOrACutPayloadIsDamage() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) values[i] = i * 7 % 13;
        PayloadWriter out = new PayloadWriter();
        IntegerCodec.write(values, 100, out);
        byte[] a = Arrays.copyOf(out.array(), out.size() + PayloadReader.SLACK);
        a[0] = 99;
        assertThatThrownBy(() -> IntegerCodec.read(new PayloadReader(a, out.size()), 100))
                .isInstanceOf(MallardException.Storage.class).hasMessageContaining("unknown tag 99");
        byte[] b = Arrays.copyOf(out.array(), out.size() + PayloadReader.SLACK);
        assertThatThrownBy(() -> IntegerCodec.read(new PayloadReader(b, out.size() - 1), 100))
                .isInstanceOf(MallardException.Storage.class).hasMessageContaining("cut off");
    }
}
