package dev.mallard.io.parquet;

/**
 * The numbers of Parquet's Thrift enums (parquet.thrift), named as the specification names them.
 * They stay ints rather than Java enums because a file may carry values newer than this reader:
 * those must become clear "not supported" errors, not decoding failures.
 */
final class Thrift {
    private Thrift() {}

    // Type: the physical types
    static final int BOOLEAN = 0, INT32 = 1, INT64 = 2, INT96 = 3, FLOAT = 4, DOUBLE = 5, BYTE_ARRAY = 6, FIXED_LEN_BYTE_ARRAY = 7;

    static String typeName(int t) {
        return switch (t) {
            case BOOLEAN -> "BOOLEAN";
            case INT32 -> "INT32";
            case INT64 -> "INT64";
            case INT96 -> "INT96";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case BYTE_ARRAY -> "BYTE_ARRAY";
            case FIXED_LEN_BYTE_ARRAY -> "FIXED_LEN_BYTE_ARRAY";
            default -> "type " + t;
        };
    }

    // FieldRepetitionType
    static final int REQUIRED = 0, OPTIONAL = 1, REPEATED = 2;

    // ConvertedType (the legacy annotations, still written beside LogicalType for old readers)
    static final int UTF8 = 0, MAP = 1, MAP_KEY_VALUE = 2, LIST = 3, ENUM = 4, DECIMAL = 5, DATE = 6, TIME_MILLIS = 7,
            TIME_MICROS = 8, TIMESTAMP_MILLIS = 9, TIMESTAMP_MICROS = 10, UINT_8 = 11, UINT_16 = 12, UINT_32 = 13, UINT_64 = 14,
            INT_8 = 15, INT_16 = 16, INT_32 = 17, INT_64 = 18, JSON = 19, BSON = 20, INTERVAL = 21;

    // LogicalType union field ids
    static final int LT_STRING = 1, LT_MAP = 2, LT_LIST = 3, LT_ENUM = 4, LT_DECIMAL = 5, LT_DATE = 6, LT_TIME = 7,
            LT_TIMESTAMP = 8, LT_INTEGER = 10, LT_UNKNOWN = 11, LT_JSON = 12, LT_BSON = 13, LT_UUID = 14, LT_FLOAT16 = 15;

    // TimeUnit union field ids
    static final int MILLIS = 1, MICROS = 2, NANOS = 3;

    // CompressionCodec
    static final int UNCOMPRESSED = 0, SNAPPY = 1, GZIP = 2, LZO = 3, BROTLI = 4, LZ4 = 5, ZSTD = 6, LZ4_RAW = 7;

    static String codecName(int c) {
        return switch (c) {
            case UNCOMPRESSED -> "UNCOMPRESSED";
            case SNAPPY -> "SNAPPY";
            case GZIP -> "GZIP";
            case LZO -> "LZO";
            case BROTLI -> "BROTLI";
            case LZ4 -> "LZ4";
            case ZSTD -> "ZSTD";
            case LZ4_RAW -> "LZ4_RAW";
            default -> "codec " + c;
        };
    }

    // PageType
    static final int DATA_PAGE = 0, INDEX_PAGE = 1, DICTIONARY_PAGE = 2, DATA_PAGE_V2 = 3;

    // Encoding
    static final int PLAIN = 0, PLAIN_DICTIONARY = 2, RLE = 3, BIT_PACKED = 4, DELTA_BINARY_PACKED = 5,
            DELTA_LENGTH_BYTE_ARRAY = 6, DELTA_BYTE_ARRAY = 7, RLE_DICTIONARY = 8, BYTE_STREAM_SPLIT = 9;

    static String encodingName(int e) {
        return switch (e) {
            case PLAIN -> "PLAIN";
            case PLAIN_DICTIONARY -> "PLAIN_DICTIONARY";
            case RLE -> "RLE";
            case BIT_PACKED -> "BIT_PACKED";
            case DELTA_BINARY_PACKED -> "DELTA_BINARY_PACKED";
            case DELTA_LENGTH_BYTE_ARRAY -> "DELTA_LENGTH_BYTE_ARRAY";
            case DELTA_BYTE_ARRAY -> "DELTA_BYTE_ARRAY";
            case RLE_DICTIONARY -> "RLE_DICTIONARY";
            case BYTE_STREAM_SPLIT -> "BYTE_STREAM_SPLIT";
            default -> "encoding " + e;
        };
    }
}
