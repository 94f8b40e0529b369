package dev.mallard.execution.data;

import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;

/**
 * Copy loops over vectors, one tight loop per physical type so the JIT can unroll them.
 * Source and destination must have the same physical type (or the source is the NULL type, which
 * copies as NULLs). NULL bits are written both ways, so destinations need not be reset first.
 */
public final class VectorOps {
    private VectorOps() {}

    /** {@code dst[dstOff + k] = src[rows[k]]} for {@code k < count}; {@code rows == null} means {@code src[k]}. */
    public static void gather(Vector src, int[] rows, int count, Vector dst, int dstOff) {
        if (count == 0) return;
        if (rows == null) {
            copyRange(src, 0, count, dst, dstOff);
            return;
        }
        PhysicalType t = src.physicalType();
        if (t == PhysicalType.NONE) {
            for (int k = 0; k < count; k++) dst.setNull(dstOff + k);
            return;
        }
        switch (t) {
            case BOOL -> { boolean[] s = src.bools, d = dst.bools; for (int k = 0; k < count; k++) d[dstOff + k] = s[rows[k]]; }
            case INT32 -> { int[] s = src.ints, d = dst.ints; for (int k = 0; k < count; k++) d[dstOff + k] = s[rows[k]]; }
            case INT64 -> { long[] s = src.longs, d = dst.longs; for (int k = 0; k < count; k++) d[dstOff + k] = s[rows[k]]; }
            case INT128 -> {
                long[] s = src.longs, d = dst.longs, sh = src.highs, dh = dst.highs;
                for (int k = 0; k < count; k++) {
                    d[dstOff + k] = s[rows[k]];
                    dh[dstOff + k] = sh[rows[k]];
                }
            }
            case DOUBLE -> { double[] s = src.doubles, d = dst.doubles; for (int k = 0; k < count; k++) d[dstOff + k] = s[rows[k]]; }
            case STRING -> { String[] s = src.strings, d = dst.strings; for (int k = 0; k < count; k++) d[dstOff + k] = s[rows[k]]; }
            case OBJECT -> { Object[] s = src.objects, d = dst.objects; for (int k = 0; k < count; k++) d[dstOff + k] = s[rows[k]]; }
            case NONE -> { }
        }
        if (src.mayHaveNulls()) {
            for (int k = 0; k < count; k++) dst.setNull(dstOff + k, src.isNull(rows[k]));
        } else if (dst.mayHaveNulls()) {
            for (int k = 0; k < count; k++) dst.setNull(dstOff + k, false);
        }
    }

    /** {@code dst[dstOff + k] = src[from + k]} for {@code k < count}. */
    public static void copyRange(Vector src, int from, int count, Vector dst, int dstOff) {
        if (count == 0) return;
        switch (src.physicalType()) {
            case BOOL -> System.arraycopy(src.bools, from, dst.bools, dstOff, count);
            case INT32 -> System.arraycopy(src.ints, from, dst.ints, dstOff, count);
            case INT64 -> System.arraycopy(src.longs, from, dst.longs, dstOff, count);
            case INT128 -> {
                System.arraycopy(src.longs, from, dst.longs, dstOff, count);
                System.arraycopy(src.highs, from, dst.highs, dstOff, count);
            }
            case DOUBLE -> System.arraycopy(src.doubles, from, dst.doubles, dstOff, count);
            case STRING -> System.arraycopy(src.strings, from, dst.strings, dstOff, count);
            case OBJECT -> System.arraycopy(src.objects, from, dst.objects, dstOff, count);
            case NONE -> { }
        }
        if (src.mayHaveNulls()) {
            for (int k = 0; k < count; k++) dst.setNull(dstOff + k, src.isNull(from + k));
        } else if (dst.mayHaveNulls()) {
            for (int k = 0; k < count; k++) dst.setNull(dstOff + k, false);
        }
    }

    /** {@code dst[p] = src[p]} for each position {@code p = sel[k]} (or {@code k}): same positions. */
    public static void copySelected(Vector src, int[] sel, int count, Vector dst) {
        if (sel == null) {
            copyRange(src, 0, count, dst, 0);
            return;
        }
        switch (src.physicalType()) {
            case BOOL -> { for (int k = 0; k < count; k++) dst.bools[sel[k]] = src.bools[sel[k]]; }
            case INT32 -> { for (int k = 0; k < count; k++) dst.ints[sel[k]] = src.ints[sel[k]]; }
            case INT64 -> { for (int k = 0; k < count; k++) dst.longs[sel[k]] = src.longs[sel[k]]; }
            case INT128 -> {
                for (int k = 0; k < count; k++) {
                    dst.longs[sel[k]] = src.longs[sel[k]];
                    dst.highs[sel[k]] = src.highs[sel[k]];
                }
            }
            case DOUBLE -> { for (int k = 0; k < count; k++) dst.doubles[sel[k]] = src.doubles[sel[k]]; }
            case STRING -> { for (int k = 0; k < count; k++) dst.strings[sel[k]] = src.strings[sel[k]]; }
            case OBJECT -> { for (int k = 0; k < count; k++) dst.objects[sel[k]] = src.objects[sel[k]]; }
            case NONE -> { }
        }
        if (src.mayHaveNulls()) {
            for (int k = 0; k < count; k++) dst.setNull(sel[k], src.isNull(sel[k]));
        } else if (dst.mayHaveNulls()) {
            for (int k = 0; k < count; k++) dst.setNull(sel[k], false);
        }
    }

    /** Sets the positions {@code dstOff..dstOff + count} to NULL. */
    public static void setNulls(Vector dst, int dstOff, int count) {
        for (int k = 0; k < count; k++) dst.setNull(dstOff + k);
    }

    /** Sets positions {@code sel[k]} (or {@code k}) to NULL. */
    public static void setNullsSelected(Vector dst, int[] sel, int count) {
        for (int k = 0; k < count; k++) dst.setNull(sel == null ? k : sel[k]);
    }

    /** Writes one physical-form value (null: NULL) at positions {@code 0..count)}. */
    public static void fill(Vector dst, Object value, int count) {
        if (value == null || dst.physicalType() == PhysicalType.NONE) {
            setNulls(dst, 0, count);
            return;
        }
        dst.setObject(0, value);
        switch (dst.physicalType()) {
            case BOOL -> java.util.Arrays.fill(dst.bools, 0, count, dst.bools[0]);
            case INT32 -> java.util.Arrays.fill(dst.ints, 0, count, dst.ints[0]);
            case INT64 -> java.util.Arrays.fill(dst.longs, 0, count, dst.longs[0]);
            case INT128 -> {
                java.util.Arrays.fill(dst.longs, 0, count, dst.longs[0]);
                java.util.Arrays.fill(dst.highs, 0, count, dst.highs[0]);
            }
            case DOUBLE -> java.util.Arrays.fill(dst.doubles, 0, count, dst.doubles[0]);
            case STRING -> java.util.Arrays.fill(dst.strings, 0, count, dst.strings[0]);
            case OBJECT -> java.util.Arrays.fill(dst.objects, 0, count, dst.objects[0]);
            case NONE -> { }
        }
        if (dst.mayHaveNulls()) for (int k = 0; k < count; k++) dst.setNull(k, false);
    }

    /** Highest position + 1 used by a selection ({@code count} when dense). */
    public static int positionLimit(int[] sel, int count) {
        if (sel == null) return count;
        int max = -1;
        for (int k = 0; k < count; k++) if (sel[k] > max) max = sel[k];
        return max + 1;
    }
}
