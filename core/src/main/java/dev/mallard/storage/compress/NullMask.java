package dev.mallard.storage.compress;

/**
 * A segment's NULL rows: nothing when there are none, else a bitmap or, when NULLs are rare, their
 * positions (rising, so they delta-encode to a few bits each): whichever is smaller.
 */
public final class NullMask {
    private NullMask() {}

    private static final int NONE = 0, BITMAP = 1, POSITIONS = 2;

    /** NULL rows among the first {@code rows} of a mask (null: none). */
    public static int count(long[] nulls, int rows) {
        if (nulls == null) return 0;
        int n = 0;
        int words = (rows + 63) >>> 6;
        for (int w = 0; w < words && w < nulls.length; w++) n += Long.bitCount(word(nulls, w, rows));
        return n;
    }

    /** Word {@code w} of the mask, without bits past {@code rows}. */
    private static long word(long[] nulls, int w, int rows) {
        if (w >= nulls.length) return 0;
        int tail = rows - (w << 6);
        return tail >= 64 ? nulls[w] : nulls[w] & ((1L << tail) - 1);
    }

    public static void write(long[] nulls, int rows, PayloadWriter out) {
        int count = count(nulls, rows);
        if (count == 0) {
            out.putByte(NONE);
            return;
        }
        int words = (rows + 63) >>> 6;
        long[] positions = new long[count];
        int k = 0;
        for (int w = 0; w < words; w++) {
            for (long bits = word(nulls, w, rows); bits != 0; bits &= bits - 1) {
                positions[k++] = ((long) w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        IntegerEncoding e = IntegerCodec.choose(positions, count);
        if (4 + 1 + e.size() < 8L * words) {
            out.putByte(POSITIONS).putInt(count);
            IntegerCodec.write(e, positions, count, out);
        } else {
            out.putByte(BITMAP);
            for (int w = 0; w < words; w++) out.putLong(word(nulls, w, rows));
        }
    }

    /** The mask written by {@link #write}, or null when no row is NULL. */
    public static long[] read(PayloadReader r, int rows) {
        int kind = r.getByte();
        int words = (rows + 63) >>> 6;
        switch (kind) {
            case NONE -> {
                return null;
            }
            case BITMAP -> {
                long[] mask = new long[words];
                for (int w = 0; w < words; w++) mask[w] = r.getLong();
                return mask;
            }
            case POSITIONS -> {
                int count = r.getCount(rows, "a NULL count");
                int[] positions = IntegerArrays.ints(IntegerCodec.read(r, count), count, 0, rows - 1);
                long[] mask = new long[words];
                for (int p : positions) mask[p >>> 6] |= 1L << p;
                return mask;
            }
            default -> throw PayloadReader.corrupted("a NULL mask of unknown kind " + kind);
        }
    }
}
