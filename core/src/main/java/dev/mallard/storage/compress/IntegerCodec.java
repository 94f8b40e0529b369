package dev.mallard.storage.compress;

/**
 * Stores a sequence of integers in whichever {@link IntegerEncoding} takes the fewest bytes for
 * it: constant, frame-of-reference bit packing (with a common factor taken out), deltas, or runs. Every integer in a segment goes
 * through here, whatever it means: column values, dictionary codes, string lengths, NULL
 * positions, decimal digits of doubles.
 */
public final class IntegerCodec {
    private IntegerCodec() {}

    /**
     * The smallest encoding of {@code values[0..count)}. Ties go to the encoding listed first
     * (constant, bit-packed, scaled, delta, runs): the simpler one decodes faster.
     */
    public static IntegerEncoding choose(long[] values, int count) {
        return choose(values, IntegerStats.of(values, count));
    }

    /** The smallest encoding of values whose statistics are {@code s}. */
    public static IntegerEncoding choose(long[] values, IntegerStats s) {
        int count = s.count();
        if (count == 0 || s.min() == s.max()) return new ConstantEncoding(count == 0 ? 0 : s.min());
        IntegerEncoding best = BitPackedEncoding.of(s);
        IntegerEncoding scaled = best.size() > 9 ? ScaledEncoding.of(values, s) : null;
        if (scaled != null && scaled.size() < best.size()) best = scaled;
        IntegerEncoding delta = DeltaEncoding.of(values, s);
        if (delta.size() < best.size()) best = delta;
        IntegerEncoding runs = RunLengthEncoding.of(s);
        if (runs.size() < best.size()) best = runs;
        return best;
    }

    /** Writes {@code values[0..count)} in their smallest encoding, tag first. */
    public static void write(long[] values, int count, PayloadWriter out) {
        write(choose(values, count), values, count, out);
    }

    /** Writes {@code values[0..count)} in an encoding chosen for them. */
    public static void write(IntegerEncoding e, long[] values, int count, PayloadWriter out) {
        out.putByte(e.tag());
        e.write(values, count, out);
    }

    /** Bytes {@link #write} takes for these values. */
    public static long size(long[] values, int count) {
        return 1 + choose(values, count).size();
    }

    /** Reads the tag and parameters of {@code count} values written by {@link #write}; the decoder yields the values. */
    public static IntegerDecoder read(PayloadReader r, int count) {
        int tag = r.getByte();
        return switch (tag) {
            case ConstantEncoding.TAG -> ConstantEncoding.reader(r);
            case BitPackedEncoding.TAG -> BitPackedEncoding.reader(r, count);
            case ScaledEncoding.TAG -> ScaledEncoding.reader(r, count);
            case DeltaEncoding.TAG -> DeltaEncoding.reader(r, count);
            case RunLengthEncoding.TAG -> RunLengthEncoding.reader(r, count);
            default -> throw PayloadReader.corrupted("an integer encoding with unknown tag " + tag);
        };
    }

    /** A bit width read from the payload, checked. */
    static int width(PayloadReader r) {
        int w = r.getByte();
        if (w > 64) throw PayloadReader.corrupted("a bit width of " + w);
        return w;
    }

    /** The name of an encoding tag, for reports. */
    public static String name(int tag) {
        return switch (tag) {
            case ConstantEncoding.TAG -> "CONSTANT";
            case BitPackedEncoding.TAG -> "BITPACKED";
            case ScaledEncoding.TAG -> "SCALED";
            case DeltaEncoding.TAG -> "DELTA";
            case RunLengthEncoding.TAG -> "RLE";
            default -> "?" + tag;
        };
    }
}
