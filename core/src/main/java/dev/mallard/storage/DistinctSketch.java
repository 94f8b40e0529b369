package dev.mallard.storage;

/**
 * A HyperLogLog sketch of how many distinct values a column holds: 4,096 one-byte registers
 * (about 1.6 % standard error) fed with 64-bit hashes. Appends only add to it, so after deletes
 * and updates it over-counts, which is what an optimizer estimate can live with. Written by the
 * table's single writer; readers may see a register a moment late, never a torn one.
 */
public final class DistinctSketch {
    private static final int BITS = 12;
    static final int REGISTERS = 1 << BITS;
    private static final double[] POWERS = new double[64];
    private final byte[] registers = new byte[REGISTERS];
    /** The last {@link #estimate()}, NaN once a register changed: the optimizer asks per query and column. */
    private volatile double cached = Double.NaN;

    static {
        for (int r = 0; r < POWERS.length; r++) POWERS[r] = Math.scalb(1.0, -r);
    }

    /**
     * Adds one well-mixed 64-bit hash. Readers learn of it at the next {@link #changed}, which the
     * writer calls once per batch of hashes: a volatile write for every register that grew cost
     * more than the hashing while a fresh sketch filled (thousands per row group and column).
     */
    public void add(long hash) {
        int index = (int) (hash >>> (64 - BITS));
        // the guard bit bounds the rank when the remaining bits are all zero
        int rank = Long.numberOfLeadingZeros((hash << BITS) | (1L << (BITS - 1))) + 1;
        // stored whether or not it grew: a fresh sketch's registers grow at random, a branch mispredicted every few values
        registers[index] = (byte) Math.max(rank, registers[index]);
    }

    /** Makes the next {@link #estimate} count the hashes {@link #add}ed since the last call. */
    public void changed() {
        cached = Double.NaN;
    }

    public void addAll(DistinctSketch other) {
        for (int i = 0; i < REGISTERS; i++) if (other.registers[i] > registers[i]) registers[i] = other.registers[i];
        cached = Double.NaN;
    }

    /** The registers, for checkpoints (not to be modified). */
    byte[] registers() {
        return registers;
    }

    /** A sketch with the given registers (as written by a checkpoint). */
    static DistinctSketch of(byte[] registers) {
        if (registers.length != REGISTERS) throw new IllegalArgumentException("a sketch has " + REGISTERS + " registers");
        DistinctSketch c = new DistinctSketch();
        System.arraycopy(registers, 0, c.registers, 0, REGISTERS);
        return c;
    }

    public DistinctSketch copy() {
        DistinctSketch c = new DistinctSketch();
        System.arraycopy(registers, 0, c.registers, 0, REGISTERS);
        return c;
    }

    /** The estimated number of distinct hashes added. */
    public double estimate() {
        double known = cached;
        if (!Double.isNaN(known)) return known;
        double e = compute();
        cached = e;
        return e;
    }

    private double compute() {
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += POWERS[r];
            if (r == 0) zeros++;
        }
        double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
        double raw = alpha * REGISTERS * (double) REGISTERS / sum;
        // small cardinalities: linear counting over the empty registers is the better estimate
        if (raw <= 2.5 * REGISTERS && zeros > 0) return REGISTERS * Math.log((double) REGISTERS / zeros);
        return raw;
    }
}
