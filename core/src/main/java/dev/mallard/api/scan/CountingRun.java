package dev.mallard.api.scan;

/**
 * A {@link RowSource.Run} that keeps count of the rows it has handed out, so that
 * {@link #position} can name the first row of the last batch (for errors) whatever the source.
 */
abstract class CountingRun implements RowSource.Run {
    private long at;
    private long last;

    CountingRun(long from) {
        this.at = from;
        this.last = from;
    }

    /** Copies up to {@code max} rows, the first being row {@code at} of the source, into {@code buffer}; returns how many. */
    abstract int fill(Object[] buffer, int max, long at);

    @Override
    public final int next(Object[] buffer, int max) {
        int n = fill(buffer, max, at);
        last = at;
        at += n;
        return n;
    }

    @Override
    public final long position() {
        return last;
    }
}
