package dev.mallard.storage.compress;

/**
 * One way of storing a sequence of 64-bit integers, with the parameters the analysis of the
 * values chose ({@link IntegerCodec#choose}); {@link #size} is exact, so the chooser compares
 * encodings without writing them. Each encoding's payload is preceded by its {@link #tag}.
 */
public sealed interface IntegerEncoding permits ConstantEncoding, BitPackedEncoding, ScaledEncoding, DeltaEncoding, RunLengthEncoding {
    /** Identifies the encoding in a payload. */
    int tag();

    /** Bytes the encoding writes after its tag. */
    long size();

    /** Writes the payload for {@code values[0..count)}, the values it was chosen for. */
    void write(long[] values, int count, PayloadWriter out);
}
