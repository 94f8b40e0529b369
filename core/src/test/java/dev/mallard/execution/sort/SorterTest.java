package dev.mallard.execution.sort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class SorterTest {

    static Vector vector(LogicalType type, Object... values) {
        Vector v = new Vector(type, values.length);
        for (int i = 0; i < values.length; i++) v.setObject(i, values[i]);
        return v;
    }

    private static int[] sort1(Vector v, boolean asc, boolean nullsFirst) {
        return Sorter.sort(new Vector[] {v}, new boolean[] {asc}, new boolean[] {nullsFirst}, v.capacity());
    }

    private static List<Object> sortedValues(Vector v, boolean asc, boolean nullsFirst) {
        List<Object> out = new ArrayList<>();
        for (int row : sort1(v, asc, nullsFirst)) out.add(v.getObject(row));
        return out;
    }

    @Test
    void integersWithNulls() {
        Vector v = vector(LogicalType.INTEGER, 3, null, -7, Integer.MAX_VALUE, Integer.MIN_VALUE, 0, null, 3);
        assertThat(sortedValues(v, true, false))
                .containsExactly(Integer.MIN_VALUE, -7, 0, 3, 3, Integer.MAX_VALUE, null, null);
        assertThat(sortedValues(v, true, true))
                .containsExactly(null, null, Integer.MIN_VALUE, -7, 0, 3, 3, Integer.MAX_VALUE);
        assertThat(sortedValues(v, false, false))
                .containsExactly(Integer.MAX_VALUE, 3, 3, 0, -7, Integer.MIN_VALUE, null, null);
        assertThat(sortedValues(v, false, true))
                .containsExactly(null, null, Integer.MAX_VALUE, 3, 3, 0, -7, Integer.MIN_VALUE);
    }

    @Test
    void bigintsSpanningTheWholeRange() {
        Vector v = vector(LogicalType.BIGINT, Long.MAX_VALUE, 0L, Long.MIN_VALUE, -1L, 1L, null, Long.MIN_VALUE + 1);
        assertThat(sortedValues(v, true, false))
                .containsExactly(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, Long.MAX_VALUE, null);
        assertThat(sortedValues(v, false, true))
                .containsExactly(null, Long.MAX_VALUE, 1L, 0L, -1L, Long.MIN_VALUE + 1, Long.MIN_VALUE);
    }

    @Test
    void doublesFollowDuckDbOrder() {
        Vector v = vector(LogicalType.DOUBLE, 1.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                -0.0, null, 0.0, -1.5, Double.MIN_VALUE, -Double.MAX_VALUE);
        List<Object> asc = sortedValues(v, true, false);
        assertThat(asc).containsExactly(Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -0.0, 0.0,
                Double.MIN_VALUE, 1.0, Double.POSITIVE_INFINITY, Double.NaN, null);
        // -0.0 and 0.0 are equal keys: the sort is stable, so they stay in input order.
        int[] perm = sort1(v, true, false);
        assertThat(Arrays.copyOfRange(perm, 3, 5)).containsExactly(4, 6);
        assertThat(sortedValues(v, false, false)).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, 1.0,
                Double.MIN_VALUE, -0.0, 0.0, -1.5, -Double.MAX_VALUE, Double.NEGATIVE_INFINITY, null);
    }

    @Test
    void booleans() {
        Vector v = vector(LogicalType.BOOLEAN, true, false, null, true, false);
        assertThat(sort1(v, true, true)).containsExactly(2, 1, 4, 0, 3);
        assertThat(sort1(v, false, false)).containsExactly(0, 3, 1, 4, 2);
    }

    @Test
    void stringsInBinaryOrder() {
        Vector v = vector(LogicalType.VARCHAR, "b", "", "a", null, "ab", "abc", "B", "a\u0000", "ä", "abcdefghij",
                "abcdefghi");
        assertThat(sortedValues(v, true, false)).containsExactly("", "B", "a", "a\u0000", "ab", "abc", "abcdefghi",
                "abcdefghij", "b", "ä", null);
    }

    @Test
    void stringsWithLongCommonPrefixes() {
        String prefix = "x".repeat(100);
        List<String> values = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) values.add(prefix + random.nextInt(50) + (random.nextBoolean() ? "" : "z"));
        Vector v = vector(LogicalType.VARCHAR, values.toArray());
        int[] perm = sort1(v, true, false);
        assertSortedStably(perm, (a, b) -> values.get(a).compareTo(values.get(b)));
        int[] desc = sort1(v, false, false);
        assertSortedStably(desc, (a, b) -> values.get(b).compareTo(values.get(a)));
    }

    @Test
    void int128() {
        BigInteger big = BigInteger.ONE.shiftLeft(100);
        Vector v = vector(LogicalType.decimal(38, 0), big, big.negate(), BigInteger.ZERO, null, BigInteger.valueOf(-1),
                big.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(63), BigInteger.valueOf(Long.MAX_VALUE));
        assertThat(sortedValues(v, true, false)).containsExactly(big.negate(), BigInteger.valueOf(-1), BigInteger.ZERO,
                BigInteger.valueOf(Long.MAX_VALUE), BigInteger.ONE.shiftLeft(63), big, big.add(BigInteger.ONE), null);
    }

    @Test
    void intervalsByNormalizedLength() {
        Interval day = new Interval(0, 1, 0);
        Interval hours24 = new Interval(0, 0, Interval.MICROS_PER_DAY);
        Interval month = new Interval(1, 0, 0);
        Interval negative = new Interval(0, -1, 0);
        Vector v = vector(LogicalType.INTERVAL, month, day, null, negative, hours24);
        assertThat(sort1(v, true, false)).containsExactly(3, 1, 4, 0, 2);
    }

    @Test
    void nullTypedKeyKeepsInputOrder() {
        Vector v = new Vector(LogicalType.NULL, 4);
        assertThat(sort1(v, true, false)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void emptyAndSingleRow() {
        Vector v = vector(LogicalType.INTEGER, 5);
        assertThat(Sorter.sort(new Vector[] {v}, new boolean[] {true}, new boolean[] {false}, 0)).isEmpty();
        assertThat(Sorter.sort(new Vector[] {v}, new boolean[] {true}, new boolean[] {false}, 1)).containsExactly(0);
        assertThat(Sorter.sort(new Vector[0], new boolean[0], new boolean[0], 3)).containsExactly(0, 1, 2);
    }

    @Test
    void multipleKeysWithMixedDirections() {
        Vector a = vector(LogicalType.INTEGER, 1, 2, 1, null, 2, 1);
        Vector b = vector(LogicalType.VARCHAR, "x", "y", null, "z", "a", "x");
        int[] perm = Sorter.sort(new Vector[] {a, b}, new boolean[] {true, false}, new boolean[] {true, true}, 6);
        assertThat(perm).containsExactly(3, 2, 0, 5, 1, 4);
    }

    @Test
    void compareHelper() {
        Vector a = vector(LogicalType.DOUBLE, -0.0, Double.NaN, null);
        Vector b = vector(LogicalType.DOUBLE, 0.0, Double.POSITIVE_INFINITY, 1.0);
        assertThat(Sorter.compare(a, 0, b, 0, true, false)).isZero();
        assertThat(Sorter.compare(a, 1, b, 1, true, false)).isPositive();
        assertThat(Sorter.compare(a, 1, b, 1, false, false)).isNegative();
        assertThat(Sorter.compare(a, 2, b, 2, true, false)).isPositive();
        assertThat(Sorter.compare(a, 2, b, 2, false, true)).isNegative();
        assertThat(Sorter.compare(a, 2, a, 2, true, true)).isZero();
    }

    /** Random multi-key inputs of every type against a boxed reference sort (TimSort, stable). */
    @Test
    void randomInputsMatchReference() {
        Random random = new Random(42);
        for (int round = 0; round < 60; round++) {
            int n = round < 20 ? random.nextInt(40) : random.nextInt(5000);
            int keyCount = 1 + random.nextInt(3);
            Vector[] keys = new Vector[keyCount];
            boolean[] asc = new boolean[keyCount];
            boolean[] nf = new boolean[keyCount];
            for (int k = 0; k < keyCount; k++) {
                keys[k] = randomVector(random, n);
                asc[k] = random.nextBoolean();
                nf[k] = random.nextBoolean();
            }
            int[] perm = Sorter.sort(keys, asc, nf, n);
            assertSortedStably(perm, (x, y) -> {
                for (int k = 0; k < keyCount; k++) {
                    int c = Sorter.compare(keys[k], x, keys[k], y, asc[k], nf[k]);
                    if (c != 0) return c;
                }
                return 0;
            });
        }
    }

    private static Vector randomVector(Random random, int n) {
        int kind = random.nextInt(9);
        int cardinality = 1 + random.nextInt(random.nextBoolean() ? 5 : 100_000);
        double nullRate = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.3;
        LogicalType type = switch (kind) {
            case 0 -> LogicalType.BOOLEAN;
            case 1 -> LogicalType.INTEGER;
            case 2, 3 -> LogicalType.BIGINT;
            case 4 -> LogicalType.DOUBLE;
            case 5, 6 -> LogicalType.VARCHAR;
            case 7 -> LogicalType.decimal(30, 2);
            default -> LogicalType.INTERVAL;
        };
        boolean wide = random.nextBoolean();
        IntFunction<Object> gen = i -> switch (kind) {
            case 0 -> random.nextBoolean();
            case 1 -> wide ? random.nextInt() : random.nextInt(cardinality) - cardinality / 2;
            case 2 -> wide ? random.nextLong() : (long) random.nextInt(cardinality);
            case 3 -> random.nextInt(4) == 0 ? random.nextLong() : (long) random.nextInt(cardinality) * 1_000_003L;
            case 4 -> switch (random.nextInt(12)) {
                case 0 -> Double.NaN;
                case 1 -> Double.POSITIVE_INFINITY;
                case 2 -> Double.NEGATIVE_INFINITY;
                case 3 -> -0.0;
                case 4 -> 0.0;
                default -> wide ? random.nextGaussian() * 1e6 : (double) random.nextInt(cardinality);
            };
            case 5 -> Integer.toString(random.nextInt(cardinality), 36);
            case 6 -> "pre" + "fix".repeat(random.nextInt(4)) + random.nextInt(cardinality) + "\u00e9\uD83D\uDE00".substring(0, random.nextInt(4));
            case 7 -> wide ? new BigInteger(100, random).subtract(BigInteger.ONE.shiftLeft(99))
                    : BigInteger.valueOf(random.nextInt(cardinality) - 5);
            default -> new Interval(random.nextInt(3), random.nextInt(40) - 20, random.nextInt(cardinality) * 1_000_000L);
        };
        Vector v = new Vector(type, Math.max(n, 1));
        for (int i = 0; i < n; i++) v.setObject(i, random.nextDouble() < nullRate ? null : gen.apply(i));
        return v;
    }

    /** The permutation is complete, ordered by {@code order}, and keeps input order among equal rows. */
    static void assertSortedStably(int[] perm, Comparator<Integer> order) {
        Integer[] expected = new Integer[perm.length];
        for (int i = 0; i < perm.length; i++) expected[i] = i;
        Arrays.sort(expected, order); // TimSort is stable
        assertThat(perm).isEqualTo(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }

    @Test
    void largeSingleKeySortsAreStable() {
        Random random = new Random(3);
        int n = 200_000;
        Vector ints = new Vector(LogicalType.INTEGER, n);
        Vector longs = new Vector(LogicalType.BIGINT, n);
        Vector doubles = new Vector(LogicalType.DOUBLE, n);
        for (int i = 0; i < n; i++) {
            ints.ints[i] = random.nextInt(1000);
            longs.longs[i] = random.nextLong(); // forces the radix path
            doubles.doubles[i] = random.nextInt(100) == 0 ? Double.NaN : random.nextGaussian();
            if (i % 97 == 0) ints.setNull(i);
        }
        assertSortedStably(sort1(ints, false, true), (a, b) -> Sorter.compare(ints, a, ints, b, false, true));
        assertSortedStably(sort1(longs, true, false), (a, b) -> Long.compare(longs.longs[a], longs.longs[b]));
        assertSortedStably(sort1(doubles, true, false),
                (a, b) -> ValueOrder.compareDoubles(doubles.doubles[a], doubles.doubles[b]));
    }
}
