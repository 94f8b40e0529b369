package dev.mallard.io.parquet;

/**
 * The header before each page of a column chunk: which kind of page, its sizes, and the fields of
 * the kind's own header (data page V1, V2 or dictionary page) folded into one record. Fields a
 * kind lacks are 0; {@code headerSize} is the encoded header's length, so the page's bytes start
 * right after it. {@code crc} is the CRC-32 of the page's bytes as stored (after the header), or
 * -1 when the writer left it out.
 */
record PageHeader(int type, int uncompressedSize, int compressedSize, int numValues, int encoding, int defLevelEncoding,
                  int repLevelEncoding, int numNulls, int numRows, int defLevelsLength, int repLevelsLength, boolean compressed,
                  int headerSize, long crc) {
    static PageHeader read(byte[] buf, int off, int len) {
        ThriftCompactReader r = new ThriftCompactReader(buf, off, len);
        ThriftStruct s = r.readStruct();
        int size = r.position() - off;
        int type = s.i32(1, -1), uncompressed = s.i32(2, -1), compressed = s.i32(3, -1);
        if (uncompressed < 0 || compressed < 0) throw new ThriftCompactReader.Damaged("a page header without sizes");
        ThriftStruct v1 = s.struct(5), dict = s.struct(7), v2 = s.struct(8);
        long crc = s.has(4) ? s.i32(4, 0) & 0xFFFFFFFFL : -1;
        return switch (type) {
            case Thrift.DATA_PAGE -> {
                if (v1 == null) throw new ThriftCompactReader.Damaged("a data page without its header");
                yield new PageHeader(type, uncompressed, compressed, v1.i32(1, 0), v1.i32(2, 0), v1.i32(3, Thrift.RLE),
                        v1.i32(4, Thrift.RLE), -1, -1, 0, 0, true, size, crc);
            }
            case Thrift.DATA_PAGE_V2 -> {
                if (v2 == null) throw new ThriftCompactReader.Damaged("a data page V2 without its header");
                yield new PageHeader(type, uncompressed, compressed, v2.i32(1, 0), v2.i32(4, 0), Thrift.RLE, Thrift.RLE,
                        v2.i32(2, 0), v2.i32(3, 0), v2.i32(5, 0), v2.i32(6, 0), v2.bool(7, true), size, crc);
            }
            case Thrift.DICTIONARY_PAGE -> {
                if (dict == null) throw new ThriftCompactReader.Damaged("a dictionary page without its header");
                yield new PageHeader(type, uncompressed, compressed, dict.i32(1, 0), dict.i32(2, Thrift.PLAIN), 0, 0, 0, 0, 0, 0,
                        true, size, crc);
            }
            default -> new PageHeader(type, uncompressed, compressed, 0, 0, 0, 0, 0, 0, 0, 0, true, size, crc); // index pages: skipped
        };
    }
}
