package dev.mallard.io.parquet;

import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;

/**
 * Reads the values of one flat column in one row group, page by page: the chunk's bytes are held
 * whole (one read per chunk), each data page is decompressed and decoded when the previous one is
 * used up, and {@link #read} hands out rows in whatever pieces the caller's chunks take.
 *
 * <p>A page decodes to its definition levels and its non-NULL values. Plain-encoded values are
 * converted to Mallard's form once per page ({@code values}); dictionary-encoded pages keep only
 * their indexes into the dictionary, which was converted once per chunk ({@code dictionary}), so
 * a string column with few distinct values builds each String once.
 */
final class ColumnChunkReader {
    private final ParquetColumn column;
    private final byte[] chunk;
    /** The chunk's bytes are {@code chunk[0..chunkEnd)}: buffers are reused from row group to row group, so may be longer. */
    private final int chunkEnd;
    private int pos;
    private final PageCodec codec;
    private final boolean uncompressed;
    private final RawValues raw = new RawValues();

    private Vector dictionary;
    /** The column's working arrays (decompressed pages, indexes, levels): reused page after page, and by the next row group's reader. */
    private final ColumnBuffers buffers;
    /** Strings of plain-encoded pages: repeated values share one object (what a dictionary page gives for free). */
    private dev.mallard.io.RepeatedStrings repeated;
    private int dictSize;
    private Vector values;
    // the current data page: rows, where the next row is, its definition levels (null: no NULLs)
    private int pageRows, pageRow;
    private int[] defs = new int[0];
    private boolean hasDefs;
    private int[] indexes = new int[0];
    /**
     * Set while a dictionary page without NULLs is being read: its indexes are decoded a batch at
     * a time straight into the output vector's code array, where grouping finds them (see
     * {@link Vector#markDictionary}), so the page's indexes need no array of their own. Null when
     * {@link #indexes} holds the whole page's (pages with NULLs, nested columns).
     */
    private RleBitPackedDecoder batchIndexes;
    /** Whether the rows read so far in this {@link #read} all have their codes in the output's dictionary id array. */
    private boolean coded;
    private boolean dictionaryPage;
    private int valuePos;
    /** A plain page without NULLs of a {@link ColumnKind#direct} column: values are copied from {@code directBytes} at read. */
    private boolean directPage;
    private byte[] directBytes;
    private int directOff;
    /** Off for nested leaves, whose pages {@link #readAll} takes from {@code values}. */
    private boolean directAllowed = true;

    /** Values (rows, for a flat column) not yet decoded into pages: a page claiming more is damaged. */
    private long valuesLeft;
    // repetition levels of the current page, for leaves of nested columns
    private int[] reps = new int[0];

    /** {@code values}: the chunk's level count (for a flat column, the row group's rows). */
    ColumnChunkReader(ParquetColumn column, byte[] chunk, int codec, long values) {
        this(column, chunk, chunk.length, codec, values, new ColumnBuffers());
    }

    /** Reading {@code chunk[0..chunkEnd)}, decompressing and decoding pages into the arrays of {@code buffers}. */
    ColumnChunkReader(ParquetColumn column, byte[] chunk, int chunkEnd, int codec, long values, ColumnBuffers buffers) {
        this.valuesLeft = values;
        this.column = column;
        this.chunk = chunk;
        this.chunkEnd = chunkEnd;
        this.buffers = buffers;
        this.codec = PageCodecs.of(codec);
        this.uncompressed = codec == Thrift.UNCOMPRESSED;
        this.values = new Vector(column.type(), 1);
    }

    /** Fills {@code out[0..n)} with the next {@code n} rows. */
    void read(Vector out, int n) {
        int to = 0;
        coded = true;
        while (to < n) {
            if (pageRow == pageRows) nextPage();
            int m = Math.min(n - to, pageRows - pageRow);
            scatter(out, to, m);
            to += m;
            pageRow += m;
        }
        // every row came through gather's codes, from the chunk's one dictionary: consumers may use the codes
        if (coded && n > 0 && out.physicalType() == PhysicalType.STRING) out.markDictionary(dictionary);
        else out.clearDictionary();
    }

    /** A nested leaf's whole chunk: levels of every entry, and its non-NULL values in order. */
    record Levels(int count, int[] reps, int[] defs, Vector values, int valueCount) {}

    /** Reads every page of a nested column's leaf. */
    Levels readAll() {
        directAllowed = false;
        // grown as pages come rather than sized from the footer's count, which damage could make huge
        int[] allReps = new int[1024], allDefs = new int[1024];
        Vector all = new Vector(column.type(), 1024);
        int count = 0, valueCount = 0, maxDef = column.maxDefinition();
        while (valuesLeft > 0) {
            nextPage();
            int n = pageRows;
            if (count + n > allReps.length) {
                allReps = java.util.Arrays.copyOf(allReps, Math.max(count + n, allReps.length * 2));
                allDefs = java.util.Arrays.copyOf(allDefs, allReps.length);
            }
            if (column.maxRepetition() > 0) System.arraycopy(reps, 0, allReps, count, n);
            if (hasDefs) System.arraycopy(defs, 0, allDefs, count, n);
            else java.util.Arrays.fill(allDefs, count, count + n, maxDef);
            int present = 0;
            for (int i = 0; i < n; i++) if (allDefs[count + i] == maxDef) present++;
            all.ensureCapacity(valueCount + present);
            for (int i = 0; i < present; i++) {
                int from = valuePos++;
                if (dictionaryPage) {
                    from = indexes[from];
                    if (from < 0 || from >= dictSize) throw new ThriftCompactReader.Damaged("a dictionary index beyond the dictionary");
                    all.copyFrom(dictionary, from, valueCount++);
                } else {
                    all.copyFrom(values, from, valueCount++);
                }
            }
            count += n;
            pageRow = pageRows;
        }
        return new Levels(count, allReps, allDefs, all, valueCount);
    }

    private void scatter(Vector out, int to, int m) {
        if (batchIndexes == null) coded = false;
        if (directPage) {
            int width = ValueDecoder.plainWidth(column.physicalType());
            ValueDecoder.plainInto(directBytes, directOff + valuePos * width, column.physicalType(), m, out, to);
            valuePos += m;
            return;
        }
        Vector src = dictionaryPage ? dictionary : values;
        int maxDef = column.maxDefinition();
        boolean fast = !hasDefs && !dictionaryPage;
        if (fast) { // no NULLs, values in row order: bulk copies
            switch (out.physicalType()) {
                case INT32 -> System.arraycopy(src.ints, valuePos, out.ints, to, m);
                case INT64 -> System.arraycopy(src.longs, valuePos, out.longs, to, m);
                case DOUBLE -> System.arraycopy(src.doubles, valuePos, out.doubles, to, m);
                case STRING -> System.arraycopy(src.strings, valuePos, out.strings, to, m);
                default -> { for (int i = 0; i < m; i++) out.copyFrom(src, valuePos + i, to + i); }
            }
            valuePos += m;
            return;
        }
        PhysicalType p = out.physicalType();
        if (!hasDefs && gather(src, p, out, to, m)) return;
        for (int i = 0; i < m; i++) {
            if (hasDefs && defs[pageRow + i] < maxDef) {
                out.setNull(to + i);
                continue;
            }
            int from = valuePos++;
            if (dictionaryPage) {
                from = indexes[from];
                if (from < 0 || from >= dictSize) {
                    throw new ThriftCompactReader.Damaged("a dictionary index " + from + " beyond the dictionary's " + dictSize + " values");
                }
            }
            switch (p) {
                case INT32 -> out.ints[to + i] = src.ints[from];
                case INT64 -> out.longs[to + i] = src.longs[from];
                case DOUBLE -> out.doubles[to + i] = src.doubles[from];
                case STRING -> out.strings[to + i] = src.strings[from];
                default -> out.copyFrom(src, from, to + i);
            }
        }
    }

    private static boolean gathers(PhysicalType p) {
        return p == PhysicalType.STRING || p == PhysicalType.INT32 || p == PhysicalType.INT64 || p == PhysicalType.DOUBLE;
    }

    /** A dictionary page without NULLs: one loop per type looking the indexes up; false for other types. */
    private boolean gather(Vector dict, PhysicalType p, Vector out, int to, int m) {
        int[] ix = indexes;
        int at = valuePos, size = dictSize;
        if (batchIndexes != null) {
            // decoded straight into the output's code array, where consumers of the codes find them
            ix = out.dictionaryIdArray();
            batchIndexes.read(ix, to, m);
            at = to;
        }
        // an index outside [0, size) makes itself or size - 1 - itself negative: one OR over all (a loop the JIT vectorizes)
        int bad = 0;
        for (int i = 0; i < m; i++) bad |= ix[at + i] | size - 1 - ix[at + i];
        if (bad < 0) {
            for (int i = 0; i < m; i++) {
                if (Integer.compareUnsigned(ix[at + i], size) >= 0) {
                    throw new ThriftCompactReader.Damaged("a dictionary index " + ix[at + i] + " beyond the dictionary's " + size + " values");
                }
            }
        }
        switch (p) {
            case STRING -> { String[] d = dict.strings, o = out.strings; for (int i = 0; i < m; i++) o[to + i] = d[ix[at + i]]; }
            case INT32 -> { int[] d = dict.ints, o = out.ints; for (int i = 0; i < m; i++) o[to + i] = d[ix[at + i]]; }
            case INT64 -> { long[] d = dict.longs, o = out.longs; for (int i = 0; i < m; i++) o[to + i] = d[ix[at + i]]; }
            case DOUBLE -> { double[] d = dict.doubles, o = out.doubles; for (int i = 0; i < m; i++) o[to + i] = d[ix[at + i]]; }
            default -> { return false; }
        }
        valuePos += m;
        return true;
    }

    private void nextPage() {
        while (true) {
            if (pos >= chunkEnd) throw new ThriftCompactReader.Damaged("a column chunk with fewer rows than its row group");
            PageHeader h = PageHeader.read(chunk, pos, chunkEnd - pos);
            int body = pos + h.headerSize();
            if (h.compressedSize() > chunkEnd - body) throw new ThriftCompactReader.Damaged("a page running past its column chunk");
            pos = body + h.compressedSize();
            if (h.crc() >= 0) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(chunk, body, h.compressedSize());
                if (crc.getValue() != h.crc()) throw new ThriftCompactReader.Damaged("a page failing its checksum");
            }
            switch (h.type()) {
                case Thrift.DICTIONARY_PAGE -> readDictionary(h, body);
                case Thrift.DATA_PAGE -> {
                    readDataPageV1(h, body);
                    if (pageRows > 0) return;
                }
                case Thrift.DATA_PAGE_V2 -> {
                    readDataPageV2(h, body);
                    if (pageRows > 0) return;
                }
                default -> { } // index pages and kinds newer than this reader carry no rows
            }
        }
    }

    private void readDictionary(PageHeader h, int body) {
        byte[] b = chunk;
        int off = body, end = body + h.compressedSize();
        if (!uncompressed) {
            b = codec.decompress(chunk, body, h.compressedSize(), h.uncompressedSize());
            off = 0;
            end = h.uncompressedSize();
        }
        int n = h.numValues();
        if (n < 0 || n > (long) h.uncompressedSize() * 8 + 64) throw new ThriftCompactReader.Damaged("a dictionary of " + n + " values");
        ValueDecoder.decode(Thrift.PLAIN, b, off, end, column.physicalType(), column.typeLength(), n, raw);
        dictionary = new Vector(column.type(), Math.max(n, 1));
        column.kind().convert(raw, n, dictionary);
        if (dictionary.strings != null) dev.mallard.vector.SharedStrings.share(dictionary.strings, n);
        dictSize = n;
    }

    private void readDataPageV1(PageHeader h, int body) {
        byte[] b = chunk;
        int off = body, end = body + h.compressedSize();
        if (!uncompressed) {
            b = codec.decompress(chunk, body, h.compressedSize(), h.uncompressedSize(), buffers.page(h.uncompressedSize()));
            off = 0;
            end = h.uncompressedSize();
        }
        int n = h.numValues();
        checkRows(n, h);
        // V1 levels: repetition (none in a flat column) then definition, each RLE run prefixed by its byte length
        if (column.maxRepetition() > 0) {
            if (h.repLevelEncoding() != Thrift.RLE) throw new UnsupportedOperationException("repetition levels in " + Thrift.encodingName(h.repLevelEncoding()));
            int next = skipLevels(b, off, end);
            repLevels(b, off + 4, next, n);
            off = next;
        }
        off = readLevels(b, off, end, n, h.defLevelEncoding());
        decodeValues(b, off, end, h.encoding(), n);
    }

    private void readDataPageV2(PageHeader h, int body) {
        int n = h.numValues();
        checkRows(n, h);
        if (h.repLevelsLength() < 0 || h.defLevelsLength() < 0
                || h.repLevelsLength() + h.defLevelsLength() > h.compressedSize()) {
            throw new ThriftCompactReader.Damaged("a data page V2 with damaged level lengths");
        }
        int defStart = body + h.repLevelsLength(), valuesStart = defStart + h.defLevelsLength();
        hasDefs = false;
        if (column.maxRepetition() > 0) repLevels(chunk, body, defStart, n);
        if (column.maxDefinition() > 0) {
            // V2 levels are never compressed and carry no length prefix: the header has it
            levels(chunk, defStart, valuesStart, n);
        }
        byte[] b = chunk;
        int off = valuesStart, end = body + h.compressedSize();
        if (h.compressed() && !uncompressed) {
            int levelBytes = h.repLevelsLength() + h.defLevelsLength();
            b = codec.decompress(chunk, valuesStart, end - valuesStart, h.uncompressedSize() - levelBytes,
                    buffers.page(h.uncompressedSize() - levelBytes));
            off = 0;
            end = h.uncompressedSize() - levelBytes;
        }
        decodeValues(b, off, end, h.encoding(), n);
    }

    /**
     * A page's row count must fit the rows left in the row group, and (so that a damaged count
     * cannot make the reader allocate without bound) its size: run-length and delta encodings
     * pack thousands of equal values in a byte, but not millions.
     */
    private void checkRows(int n, PageHeader h) {
        if (n < 0 || n > valuesLeft || n > Math.max(h.uncompressedSize(), 1) * 8192L + 1024) {
            throw new ThriftCompactReader.Damaged("a page of " + n + " rows where " + valuesLeft + " are left, in " + h.uncompressedSize() + " bytes");
        }
    }

    /** Skips one length-prefixed level run. */
    private static int skipLevels(byte[] b, int off, int end) {
        if (end - off < 4) throw new ThriftCompactReader.Damaged("a page shorter than its levels");
        int len = ValueDecoder.int32(b, off);
        if (len < 0 || len > end - off - 4) throw new ThriftCompactReader.Damaged("a page shorter than its levels");
        return off + 4 + len;
    }

    private int readLevels(byte[] b, int off, int end, int n, int encoding) {
        hasDefs = false;
        if (column.maxDefinition() == 0) return off;
        if (encoding == Thrift.BIT_PACKED) {
            // the deprecated encoding: packed most significant bit first, no length prefix
            int width = RleBitPackedDecoder.bitWidth(column.maxDefinition());
            int bytes = (int) (((long) n * width + 7) / 8);
            if (bytes > end - off) throw new ThriftCompactReader.Damaged("a page shorter than its levels");
            defs = buffers.defs(n);
            for (int i = 0; i < n; i++) {
                int v = 0;
                for (int k = 0; k < width; k++) {
                    long bit = (long) i * width + k;
                    v = v << 1 | (b[off + (int) (bit >>> 3)] >>> (7 - (bit & 7)) & 1);
                }
                defs[i] = v;
            }
            markDefs(n);
            return off + bytes;
        }
        int next = skipLevels(b, off, end);
        levels(b, off + 4, next, n);
        return next;
    }

    private void levels(byte[] b, int off, int end, int n) {
        int width = RleBitPackedDecoder.bitWidth(column.maxDefinition());
        if (column.maxRepetition() == 0 && new RleBitPackedDecoder(b, off, end, width).startsWithRun(n, column.maxDefinition())) {
            hasDefs = false; // one run says every row is present: nothing to decode or check
            return;
        }
        defs = buffers.defs(n);
        new RleBitPackedDecoder(b, off, end, width).read(defs, 0, n);
        markDefs(n);
    }

    private void repLevels(byte[] b, int off, int end, int n) {
        reps = buffers.reps(n);
        new RleBitPackedDecoder(b, off, end, RleBitPackedDecoder.bitWidth(column.maxRepetition())).read(reps, 0, n);
    }

    private void markDefs(int n) {
        int max = column.maxDefinition();
        for (int i = 0; i < n; i++) {
            if (defs[i] < max) {
                hasDefs = true;
                return;
            }
        }
    }

    private void decodeValues(byte[] b, int off, int end, int encoding, int n) {
        valuesLeft -= n;
        batchIndexes = null;
        int nonNull = n;
        if (hasDefs) {
            int max = column.maxDefinition();
            nonNull = 0;
            for (int i = 0; i < n; i++) if (defs[i] == max) nonNull++;
        }
        if (encoding == Thrift.PLAIN_DICTIONARY || encoding == Thrift.RLE_DICTIONARY) {
            if (dictionary == null) throw new ThriftCompactReader.Damaged("a dictionary-encoded page without a dictionary");
            if (nonNull > 0) {
                if (off >= end) throw new ThriftCompactReader.Damaged("a page shorter than its values");
                RleBitPackedDecoder decoder = new RleBitPackedDecoder(b, off + 1, end, b[off] & 0xFF);
                if (!hasDefs && directAllowed && gathers(column.type().physicalType())) {
                    batchIndexes = decoder;
                } else {
                    indexes = buffers.indexes(nonNull);
                    decoder.read(indexes, 0, nonNull);
                }
            }
            dictionaryPage = true;
            directPage = false;
        } else if (directAllowed && encoding == Thrift.PLAIN && !hasDefs && column.kind().direct(column.physicalType())) {
            if ((long) ValueDecoder.plainWidth(column.physicalType()) * n > end - off) {
                throw new ThriftCompactReader.Damaged("a page shorter than its values");
            }
            directBytes = b;
            directOff = off;
            directPage = true;
            dictionaryPage = false;
        } else {
            ValueDecoder.decode(encoding, b, off, end, column.physicalType(), column.typeLength(), nonNull, raw);
            if (values.capacity() < nonNull) values = new Vector(column.type(), nonNull);
            if (column.kind() == ColumnKind.STRING && repeated == null) repeated = new dev.mallard.io.RepeatedStrings();
            column.kind().convert(raw, nonNull, values, repeated);
            dictionaryPage = false;
            directPage = false;
        }
        pageRows = n;
        pageRow = 0;
        valuePos = 0;
    }
}
