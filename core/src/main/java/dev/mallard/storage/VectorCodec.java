package dev.mallard.storage;

import dev.mallard.MallardException;
import dev.mallard.storage.file.StreamInput;
import dev.mallard.storage.file.StreamOutput;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;

/**
 * Writes the values of a vector to a stream and reads them back, in the segment format of
 * checkpoints ({@link SegmentCodec}): the write-ahead log records inserted and updated values
 * this way, so the log and the database file share one encoding.
 */
public final class VectorCodec {
    private VectorCodec() {}

    /** Writes positions {@code sel[k]} (or {@code k} when null), k < count, of {@code v}; count at most a row group. */
    public static void write(LogicalType type, Vector v, int[] sel, int count, StreamOutput out) {
        if (count > DataTable.ROW_GROUP_SIZE) throw new MallardException.Internal("a vector of " + count + " values to encode");
        ColumnSegment s = new ColumnSegment(type, count);
        s.append(0, v, sel, count);
        SegmentCodec.write(s, count, out, dev.mallard.storage.compress.Effort.QUICK);
    }

    /** Reads values written by {@link #write} into a new vector (positions 0..n); n must equal {@code count}. */
    public static Vector read(LogicalType type, int count, StreamInput in) {
        ColumnSegment s = SegmentCodec.read(type.physicalType(), in);
        if (s.capacity() != count) throw in.damaged(s.capacity() + " values where " + count + " were recorded");
        Vector v = new Vector(type, Math.max(count, 1));
        s.copyTo(0, count, v, 0);
        return v;
    }
}
