package dev.mallard.function.cast;

/**
 * Signals, without a stack trace or a message, that one value could not be converted. Cast steps
 * throw one of the two shared instances; the cast kernel turns it into NULL for TRY_CAST or into
 * a {@link dev.mallard.MallardException.Data} naming the value for CAST. Building the message only
 * when it is needed keeps TRY_CAST over dirty data cheap.
 */
final class CastFailed extends RuntimeException {
    /** The text is not a value of the target type. */
    static final CastFailed INVALID = new CastFailed(false);
    /** The value exists but does not fit the target type. */
    static final CastFailed OUT_OF_RANGE = new CastFailed(true);

    final boolean outOfRange;

    private CastFailed(boolean outOfRange) {
        super(null, null, false, false);
        this.outOfRange = outOfRange;
    }
}
