package dev.mallard.storage.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Doubles come back bit for bit; short decimals are stored as digits. */
class DoubleCodecTest {

    private static double[] roundTrip(double[] values, String[] kind) {
        PayloadWriter out = new PayloadWriter();
        DoubleCodec.write(values, values.length, out);
        byte[] a = Arrays.copyOf(out.array(), out.size() + PayloadReader.SLACK);
        kind[0] = DoubleCodec.describe(new PayloadReader(a, out.size()));
        PayloadReader r = new PayloadReader(a, out.size());
        double[] back = DoubleCodec.read(r, values.length);
        assertThat(r.atEnd()).isTrue();
        return back;
    }

    private static void assertSameBits(double[] back, double[] values) {
        assertThat(back.length).isEqualTo(values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).as("value %d: %s", i, values[i]).isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }

    @Test
    void moneyIsStoredAsDigitsAndSpecialValuesAsExceptions() {
        SplittableRandom random = new SplittableRandom(6);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) values[i] = random.nextInt(1_000_000) / 100.0;
        values[7] = Double.NaN;
        values[8] = -0.0;
        values[9] = Double.POSITIVE_INFINITY;
        values[10] = Double.NEGATIVE_INFINITY;
        values[11] = Math.PI;
        values[12] = Double.MIN_VALUE;
        values[13] = Double.MAX_VALUE;
        values[14] = Double.longBitsToDouble(0x7ff8dead0000beefL); // a NaN with a payload
        String[] kind = new String[1];
        assertSameBits(roundTrip(values, kind), values);
        assertThat(kind[0]).isEqualTo("DECIMAL");
    }

    @Test
    void arbitraryDoublesStayPlain() {
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) values[i] = random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
        String[] kind = new String[1];
        assertSameBits(roundTrip(values, kind), values);
        assertThat(kind[0]).isEqualTo("PLAIN");
    }

    @Test
    void constantsSmallAndEmptyInputs() {
        String[] kind = new String[1];
        double[] constant = new double[3000];
        Arrays.fill(constant, 2.5);
        assertSameBits(roundTrip(constant, kind), constant);
        assertThat(kind[0]).isEqualTo("DECIMAL");
        for (double[] values : new double[][] {{}, {0.0}, {-0.0}, {Double.NaN}, {1e300, -1e-300}, {0.1, 0.2, 0.30000000000000004}}) {
            assertSameBits(roundTrip(values, kind), values);
        }
    }

    @Test
    void randomMixesRoundTrip() {
        SplittableRandom random = new SplittableRandom(8);
        for (int round = 0; round < 100; round++) {
            double[] values = new double[random.nextInt(3000)];
            int decimals = random.nextInt(6);
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (random.nextInt(10)) {
                    case 0 -> Double.longBitsToDouble(random.nextLong());
                    case 1 -> random.nextBoolean() ? -0.0 : Double.NaN;
                    default -> Math.round(random.nextGaussian() * 1e6) / Math.pow(10, decimals);
                };
            }
            String[] kind = new String[1];
            assertSameBits(roundTrip(values, kind), values);
        }
    }
}
