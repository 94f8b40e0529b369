package dev.mallard.storage.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FSST tables built from samples compress text well and give every byte string back exactly. */
class FsstTest {
    private static final String[] WORDS = {"the", "furiously", "regular", "deposits", "sleep", "carefully", "final",
        "accounts", "ironic", "packages", "haggle", "quickly", "express", "pending", "requests", "blithely", "bold"};

    /** Comment-like text: words of a small vocabulary, as TPC-H generates them. */
    static String[] comments(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            int words = 2 + random.nextInt(8);
            for (int w = 0; w < words; w++) b.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextInt(3) == 0) b.append(". ");
            out[i] = b.toString();
        }
        return out;
    }

    private static Utf8Strings roundTrip(Utf8Strings s, Effort effort, int[] size) {
        PayloadWriter out = new PayloadWriter();
        StringBlock.write(s, effort, out);
        if (size != null) size[0] = out.size();
        PayloadReader r = new PayloadReader(java.util.Arrays.copyOf(out.array(), out.size() + PayloadReader.SLACK), out.size());
        Utf8Strings back = StringBlock.read(r, s.count());
        assertThat(r.atEnd()).isTrue();
        return back;
    }

    private static void assertSameBytes(Utf8Strings back, Utf8Strings s) {
        assertThat(back.count()).isEqualTo(s.count());
        for (int i = 0; i < s.count(); i++) {
            assertThat(java.util.Arrays.copyOfRange(back.bytes(), back.offsets()[i], back.offsets()[i + 1]))
                    .as("string %d", i).isEqualTo(java.util.Arrays.copyOfRange(s.bytes(), s.offsets()[i], s.offsets()[i + 1]));
        }
    }

    @Test
    void commentsShrinkToLessThanHalf() {
        String[] values = comments(20_000, 4);
        Utf8Strings s = Utf8Strings.of(values, values.length);
        int[] size = new int[1];
        Utf8Strings back = roundTrip(s, Effort.THOROUGH, size);
        assertThat(back.toStrings()).isEqualTo(values);
        assertThat(size[0]).as("FSST bytes for %d raw", s.totalLength()).isLessThan(s.totalLength() / 2);
        PayloadWriter out = new PayloadWriter();
        StringBlock.write(s, Effort.THOROUGH, out);
        PayloadReader r = new PayloadReader(java.util.Arrays.copyOf(out.array(), out.size() + 8), out.size());
        assertThat(StringBlock.describe(r, values.length)).isEqualTo("FSST");
        // the quick effort (the log's) stores the bytes raw
        assertThat(roundTrip(s, Effort.QUICK, size).toStrings()).isEqualTo(values);
        assertThat(size[0]).isGreaterThan(s.totalLength());
    }

    @Test
    void anyBytesRoundTrip() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 60; round++) {
            int n = random.nextInt(3000);
            List<byte[]> strings = new ArrayList<>();
            int alphabet = 1 + random.nextInt(256);
            for (int i = 0; i < n; i++) {
                int length = random.nextInt(10) == 0 ? random.nextInt(2000) : random.nextInt(12);
                byte[] a = new byte[length];
                for (int k = 0; k < length; k++) {
                    // repeated patterns so symbols form, with stray bytes (0x00, 0xFF: the escape code's value) between
                    a[k] = random.nextInt(4) == 0 ? (byte) random.nextInt(alphabet) : (byte) "abcab\u00ff\u0000c".charAt(k % 8);
                }
                strings.add(a);
            }
            Utf8Strings s = of(strings);
            assertSameBytes(roundTrip(s, Effort.THOROUGH, null), s);
        }
    }

    @Test
    void emptyLongAndNonAsciiStrings() {
        String[] values = {"", "", "a", "€uro €uro €uro", "日本語のテキスト日本語のテキスト", "x".repeat(100_000), "", "🦆 mallard 🦆",
            "ünïcödé " .repeat(50), "\u0000nul\u0000"};
        String[] many = new String[values.length * 40];
        for (int i = 0; i < many.length; i++) many[i] = values[i % values.length];
        Utf8Strings s = Utf8Strings.of(many, many.length);
        assertThat(roundTrip(s, Effort.THOROUGH, null).toStrings()).isEqualTo(many);
        Utf8Strings none = Utf8Strings.of(new String[0], 0);
        assertThat(roundTrip(none, Effort.THOROUGH, null).count()).isZero();
        Utf8Strings empties = Utf8Strings.of(new String[] {"", "", ""}, 3);
        assertThat(roundTrip(empties, Effort.THOROUGH, null).toStrings()).containsExactly("", "", "");
    }

    @Test
    void everyByteValueEscapesAndComesBack() {
        // no repetition at all: a table of no use is not used, yet encoding every byte must work
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        List<byte[]> strings = new ArrayList<>();
        for (int i = 0; i < 20; i++) strings.add(all);
        Utf8Strings s = of(strings).padded();
        FsstSymbolTable table = FsstTableBuilder.build(s.bytes(), s.offsets(), s.count());
        byte[] codes = new byte[2 * s.totalLength()];
        int end = 0;
        for (int i = 0; i < s.count(); i++) end = table.encode(s.bytes(), s.offsets()[i], s.offsets()[i + 1], codes, end);
        PayloadWriter w = new PayloadWriter();
        table.write(w);
        PayloadReader r = new PayloadReader(java.util.Arrays.copyOf(w.array(), w.size() + 8), w.size());
        FsstDecoder decoder = FsstDecoder.read(r);
        byte[] out = new byte[s.totalLength() + 8];
        assertThat(decoder.decode(codes, 0, end, out, 0)).isEqualTo(s.totalLength());
        assertThat(java.util.Arrays.copyOf(out, s.totalLength())).isEqualTo(java.util.Arrays.copyOf(s.bytes(), s.totalLength()));
    }

    private static Utf8Strings of(List<byte[]> strings) {
        int total = strings.stream().mapToInt(a -> a.length).sum();
        byte[] bytes = new byte[total + 8];
        int[] offsets = new int[strings.size() + 1];
        int at = 0;
        for (int i = 0; i < strings.size(); i++) {
            offsets[i] = at;
            System.arraycopy(strings.get(i), 0, bytes, at, strings.get(i).length);
            at += strings.get(i).length;
        }
        offsets[strings.size()] = at;
        return new Utf8Strings(bytes, offsets, strings.size());
    }

    @Test
    void utf8OfNullIsEmpty() {
        Utf8Strings s = Utf8Strings.of(new String[] {null, "ä", null}, 3);
        assertThat(s.toStrings()).containsExactly("", "ä", "");
        assertThat(s.totalLength()).isEqualTo("ä".getBytes(StandardCharsets.UTF_8).length);
    }
}
