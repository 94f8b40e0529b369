package dev.mallard.storage.compress;

/**
 * A set of strings as their lengths (an integer encoding) and their bytes, either raw or
 * FSST-compressed as one stream of codes (a symbol never spans two strings, so the stream decodes
 * in one pass and the lengths say where each string ends). FSST is used when it is smaller, table
 * included: for prose it is, for short codes or random keys often not.
 */
public final class StringBlock {
    private StringBlock() {}

    static final int RAW = 0, FSST = 1;
    /** Below this many bytes a symbol table costs more than it can save. */
    private static final int MIN_FSST_BYTES = 256;

    public static void write(Utf8Strings s, Effort effort, PayloadWriter out) {
        int n = s.count();
        long[] lengths = new long[n];
        for (int i = 0; i < n; i++) lengths[i] = s.length(i);
        IntegerCodec.write(lengths, n, out);
        int total = s.totalLength();
        if (effort == Effort.THOROUGH && total >= MIN_FSST_BYTES) {
            Utf8Strings p = s.padded();
            FsstSymbolTable table = FsstTableBuilder.build(p.bytes(), p.offsets(), n);
            byte[] codes = new byte[2 * total];
            int end = 0;
            for (int i = 0; i < n; i++) end = table.encode(p.bytes(), p.offsets()[i], p.offsets()[i + 1], codes, end);
            if ((long) table.size() + 4 + end < total) {
                out.putByte(FSST);
                table.write(out);
                out.putInt(end);
                out.putBytes(codes, 0, end);
                return;
            }
        }
        out.putByte(RAW);
        out.putBytes(s.bytes(), s.offsets()[0], total);
    }

    /** Reads {@code count} strings written by {@link #write}; the bytes come with 8 bytes of room past them. */
    public static Utf8Strings read(PayloadReader r, int count) {
        int[] offsets = IntegerArrays.offsets(IntegerCodec.read(r, count), count);
        int total = offsets[count];
        int kind = r.getByte();
        if (total > 8L * r.remaining()) throw PayloadReader.corrupted(total + " bytes of strings in " + r.remaining());
        byte[] bytes = new byte[total + PayloadReader.SLACK];
        switch (kind) {
            case RAW -> System.arraycopy(r.array(), r.take(total), bytes, 0, total);
            case FSST -> {
                FsstDecoder decoder = FsstDecoder.read(r);
                int codes = r.getCount(r.remaining(), "an FSST code stream of a length");
                if ((long) codes * 8 < total) throw PayloadReader.corrupted(codes + " FSST codes for " + total + " bytes");
                int at = r.take(codes);
                int end = decoder.decode(r.array(), at, at + codes, bytes, 0);
                if (end != total) throw PayloadReader.corrupted("FSST codes decoding to " + end + " bytes where " + total + " were written");
            }
            default -> throw PayloadReader.corrupted("a string block of unknown kind " + kind);
        }
        return new Utf8Strings(bytes, offsets, count);
    }

    /** Whether a block written by {@link #write} at the reader's position is FSST-compressed (for reports); consumes it. */
    static String describe(PayloadReader r, int count) {
        IntegerCodec.read(r, count);
        return r.getByte() == FSST ? "FSST" : "RAW";
    }
}
