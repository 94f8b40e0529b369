package dev.mallard.storage.compress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link FsstSymbolTable} for a set of strings as the FSST paper does: from a sample of
 * about 32 KB (the paper takes 16; twice that gains a few percent on comments), five rounds each
 * compress the sample (a growing part of it) with the current table, counting how often each
 * symbol occurs and how often each pair of symbols follows each other; the next table takes the
 * 255 candidates (symbols, bytes, and concatenations of pairs, up to 8 bytes) of the highest gain,
 * gain being occurrences times length. The table of the round that compressed best wins.
 */
public final class FsstTableBuilder {
    private FsstTableBuilder() {}

    private static final int SAMPLE_TARGET = 1 << 15;
    private static final int SAMPLE_LINE = 512;
    /** Extended codes: 256 bytes (escaped) and up to 255 symbols. */
    private static final int CODES = 512;

    /** A sample: pieces {@code [starts[i], ends[i])} of {@code bytes}. */
    private record Sample(byte[] bytes, int[] starts, int[] ends, int size) {}

    /**
     * A table for strings {@code i < count} at {@code bytes[offsets[i]..offsets[i + 1])};
     * {@code bytes} must extend 7 bytes past the last string.
     */
    public static FsstSymbolTable build(byte[] bytes, int[] offsets, int count) {
        Sample sample = sample(bytes, offsets, count);
        int[] count1 = new int[CODES];
        int[] count2 = new int[CODES * CODES];
        FsstSymbolTable table = new FsstSymbolTable();
        table.finish();
        FsstSymbolTable best = table;
        long bestGain = Long.MIN_VALUE;
        for (int fraction = 8; ; fraction += 30) {
            Arrays.fill(count1, 0);
            Arrays.fill(count2, 0);
            long gain = count(table, sample, fraction, count1, count2);
            if (gain >= bestGain) {
                best = table;
                bestGain = gain;
            }
            if (fraction >= 128) break; // rounds at 8, 38, 68, 98 and 128 of 128 sample lines
            table = makeTable(table, count1, count2, fraction);
        }
        return best;
    }

    /**
     * The strings themselves when they are small, else random pieces of up to 512 bytes of random
     * strings (a fixed seed: the same data gives the same table).
     */
    private static Sample sample(byte[] bytes, int[] offsets, int count) {
        long total = offsets[count] - offsets[0];
        List<int[]> pieces = new ArrayList<>();
        if (total <= SAMPLE_TARGET) {
            for (int i = 0; i < count; i++) {
                if (offsets[i + 1] > offsets[i]) pieces.add(new int[] {offsets[i], offsets[i + 1]});
            }
        } else {
            java.util.SplittableRandom random = new java.util.SplittableRandom(0x5EED + count);
            long taken = 0;
            int tries = 0;
            while (taken < SAMPLE_TARGET && tries++ < 4 * SAMPLE_TARGET) {
                int i = random.nextInt(count);
                int length = offsets[i + 1] - offsets[i];
                if (length == 0) continue;
                int chunks = 1 + (length - 1) / SAMPLE_LINE;
                int start = offsets[i] + SAMPLE_LINE * random.nextInt(chunks);
                int end = Math.min(start + SAMPLE_LINE, offsets[i + 1]);
                pieces.add(new int[] {start, end});
                taken += end - start;
            }
        }
        int[] starts = new int[pieces.size()], ends = new int[pieces.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = pieces.get(i)[0];
            ends[i] = pieces.get(i)[1];
        }
        return new Sample(bytes, starts, ends, starts.length);
    }

    /** Whether sample line {@code i} takes part in a round using {@code fraction} of 128 lines. */
    private static boolean skip(int i, int fraction) {
        if (fraction >= 128) return false;
        long x = (i + 1L) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        return 1 + Long.remainderUnsigned(x * 0xBF58476D1CE4E5B9L, 127) > fraction;
    }

    /**
     * Compresses the sample with {@code table}, counting symbols and (before the last round)
     * pairs; returns the gain: bytes saved (an escaped byte costs one more than it saves).
     */
    private static long count(FsstSymbolTable table, Sample sample, int fraction, int[] count1, int[] count2) {
        long gain = 0;
        byte[] b = sample.bytes();
        boolean pairs = fraction < 128;
        for (int line = 0; line < sample.size(); line++) {
            if (skip(line, fraction)) continue;
            int p = sample.starts()[line], end = sample.ends()[line];
            int start1 = p;
            int e = table.longest((long) PayloadWriter.LONG.get(b, p), end - p);
            int code1 = e & 0xFFFF, length1 = e >>> 16;
            p += length1;
            gain += code1 >= 256 ? length1 - 1 : -1;
            while (true) {
                count1[code1]++;
                // the first byte alone is the alternative to a longer symbol
                if (length1 != 1) count1[b[start1] & 0xFF]++;
                if (p == end) break;
                int start2 = p;
                e = table.longest((long) PayloadWriter.LONG.get(b, p), end - p);
                int code2 = e & 0xFFFF, length2 = e >>> 16;
                p += length2;
                gain += code2 >= 256 ? length2 - 1 : -1;
                if (pairs) {
                    count2[code1 * CODES + code2]++;
                    if (length2 != 1) count2[code1 * CODES + (b[start2] & 0xFF)]++;
                }
                code1 = code2;
                length1 = length2;
                start1 = start2;
            }
        }
        return gain;
    }

    /** A candidate symbol: its bytes and length. */
    private record Symbol(long value, int length) {}

    private static FsstSymbolTable makeTable(FsstSymbolTable table, int[] count1, int[] count2, int fraction) {
        Map<Symbol, Long> candidates = new HashMap<>();
        int minCount = 5 * fraction / 128; // rare candidates cost table space and compression time
        int codes = 256 + table.count;
        for (int c1 = 0; c1 < codes; c1++) {
            int n1 = count1[c1];
            if (n1 == 0) continue;
            long v1 = table.symbolOf(c1);
            int l1 = table.lengthOf(c1);
            // single bytes are promoted: fewer escapes, faster encoding and decoding
            add(candidates, new Symbol(v1, l1), (l1 == 1 ? 8L : 1L) * n1, minCount);
            if (l1 == 8) continue;
            for (int c2 = 0; c2 < codes; c2++) {
                int n2 = count2[c1 * CODES + c2];
                if (n2 == 0) continue;
                int l3 = Math.min(8, l1 + table.lengthOf(c2));
                long v3 = (v1 | table.symbolOf(c2) << (l1 << 3)) & FsstSymbolTable.mask(l3);
                add(candidates, new Symbol(v3, l3), n2, minCount);
            }
        }
        List<Map.Entry<Symbol, Long>> ranked = new ArrayList<>(candidates.entrySet());
        ranked.sort((a, b) -> {
            int byGain = Long.compare(b.getValue(), a.getValue());
            return byGain != 0 ? byGain : Long.compare(a.getKey().value(), b.getKey().value());
        });
        FsstSymbolTable next = new FsstSymbolTable();
        for (Map.Entry<Symbol, Long> c : ranked) {
            if (next.count == FsstSymbolTable.MAX_SYMBOLS) break;
            next.add(c.getKey().value(), c.getKey().length());
        }
        next.finish();
        return next;
    }

    private static void add(Map<Symbol, Long> candidates, Symbol s, long count, int minCount) {
        if (count < minCount) return;
        candidates.merge(s, count * s.length(), Long::sum);
    }
}
