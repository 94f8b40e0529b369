package dev.mallard.storage.compress;

/**
 * The values of a string segment: as a dictionary (distinct values once, then a code per row
 * through {@link IntegerCodec}: a few bits per row for flags, modes and names that repeat) or
 * directly (each row's value, FSST-compressed when that is smaller: comments, addresses).
 */
public final class StringCodec {
    private StringCodec() {}

    static final int DICTIONARY = 1, DIRECT = 2;

    public static void writeDictionary(Utf8Strings dictionary, long[] codes, int rows, Effort effort, PayloadWriter out) {
        out.putByte(DICTIONARY).putInt(dictionary.count());
        StringBlock.write(dictionary, effort, out);
        IntegerCodec.write(codes, rows, out);
    }

    public static void writeDirect(Utf8Strings values, Effort effort, PayloadWriter out) {
        out.putByte(DIRECT);
        StringBlock.write(values, effort, out);
    }

    /** Writes {@code values[0..rows)} (null for NULL rows) as a dictionary if there is one worth it, else directly. */
    public static void write(String[] values, int rows, Effort effort, PayloadWriter out) {
        StringDictionary d = StringDictionary.build(values, rows);
        if (d != null) writeDictionary(Utf8Strings.of(d.values(), d.values().length), d.codes(), rows, effort, out);
        else writeDirect(Utf8Strings.of(values, rows), effort, out);
    }

    public static DecodedStrings read(PayloadReader r, int rows) {
        int kind = r.getByte();
        return switch (kind) {
            case DICTIONARY -> {
                int size = r.getCount(Math.max(rows, 1), "a dictionary of a size");
                String[] values = StringBlock.read(r, size).toStrings();
                yield new DecodedStrings.Dictionary(values, IntegerCodec.read(r, rows));
            }
            case DIRECT -> new DecodedStrings.Direct(StringBlock.read(r, rows));
            default -> throw PayloadReader.corrupted("strings stored in an unknown way " + kind);
        };
    }

    /** The encodings chosen, for reports: "DICTIONARY/RAW/BITPACKED" (dictionary block, codes) or "DIRECT/FSST". */
    public static String describe(PayloadReader r, int rows) {
        int kind = r.getByte();
        if (kind == DIRECT) return "DIRECT/" + StringBlock.describe(r, rows);
        int size = r.getCount(Math.max(rows, 1), "a dictionary of a size");
        int at = r.position();
        String block = StringBlock.describe(r, size);
        r.seek(at);
        StringBlock.read(r, size);
        return "DICTIONARY/" + block + "/" + IntegerCodec.name(r.getByte());
    }
}
