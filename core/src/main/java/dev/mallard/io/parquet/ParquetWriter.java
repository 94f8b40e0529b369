package dev.mallard.io.parquet;

import dev.mallard.MallardException;
import dev.mallard.io.ReadOptions;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows to a Parquet file: {@link #write} takes chunks, rows are buffered until a row group
 * is full ({@link Options#rowGroupRows} rows, or {@link Options#rowGroupBytes} bytes of values
 * when set), then each column is encoded ({@link ColumnChunkWriter}) and written; {@link #close}
 * writes the last row group and the footer. Every column is written optional (NULL-able), flat,
 * with the types of {@link WriteType}.
 *
 * <p>Not thread-safe. A writer that fails or is closed without {@link #close} leaves a file
 * without a footer, which readers reject as damaged: the caller deletes it.
 */
public final class ParquetWriter implements AutoCloseable {
    /** Rows per row group unless set otherwise: the row group size DuckDB uses too. */
    public static final long DEFAULT_ROW_GROUP_ROWS = 122_880;

    /**
     * @param compression   UNCOMPRESSED, GZIP, SNAPPY, ZSTD (case-insensitive); a codec not available fails at creation
     * @param rowGroupRows  rows per row group
     * @param rowGroupBytes bytes of buffered values that also close a row group; 0 for no limit
     */
    public record Options(String compression, long rowGroupRows, long rowGroupBytes) {
        public Options {
            if (rowGroupRows <= 0) throw MallardException.Data.invalidArgument("row_group_size must be positive, not " + rowGroupRows);
            if (rowGroupBytes < 0) throw MallardException.Data.invalidArgument("row_group_size_bytes must not be negative");
        }

        /**
         * The options of a COPY ... TO (FORMAT parquet, ...): {@code compression} (or {@code codec}),
         * {@code row_group_size}, {@code row_group_size_bytes}. Compression defaults to snappy, as in
         * DuckDB, or to uncompressed while no Snappy codec is available.
         */
        public static Options defaults() {
            return from(ReadOptions.none());
        }

        public static Options from(ReadOptions o) {
            String codec = o.string("compression", o.string("codec", null));
            if (codec == null) codec = available("snappy") ? "snappy" : "uncompressed";
            return new Options(codec, o.integer("row_group_size", DEFAULT_ROW_GROUP_ROWS), o.integer("row_group_size_bytes", 0));
        }

        private static boolean available(String codec) {
            try {
                PageCodecs.of(PageCodecs.number(codec));
                return true;
            } catch (UnsupportedOperationException e) {
                return false;
            }
        }
    }

    private final String name;
    private final OutputStream out;
    private final List<String> names;
    private final List<LogicalType> types;
    private final WriteType[] writeTypes;
    private final Vector[] buffers;
    private final int codecNumber;
    private final PageCodec codec;
    private final Options options;
    private final List<byte[]> rowGroups = new ArrayList<>(); // each RowGroup struct, encoded
    private int buffered;
    private long bufferedBytes;
    private long position;
    private long totalRows;
    private boolean closed;

    /** Creates (or replaces) {@code path}. */
    public ParquetWriter(Path path, List<String> names, List<LogicalType> types, Options options) {
        this(path.toString(), open(path, options), names, types, options);
    }

    /** Writes to {@code out}, which {@link #close} closes; {@code name} is for errors. */
    public ParquetWriter(String name, OutputStream out, List<String> names, List<LogicalType> types, Options options) {
        if (names.size() != types.size()) throw new IllegalArgumentException(names.size() + " names for " + types.size() + " types");
        this.name = name;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.options = options;
        try {
            this.codecNumber = PageCodecs.number(options.compression());
            this.codec = codec(options);
        } catch (RuntimeException e) {
            close(out);
            throw e;
        }
        this.out = out;
        writeTypes = new WriteType[types.size()];
        buffers = new Vector[types.size()];
        for (int i = 0; i < types.size(); i++) {
            writeTypes[i] = WriteType.of(types.get(i));
            buffers[i] = new Vector(types.get(i), 1024);
        }
        write(ParquetFile.MAGIC);
    }

    /** The options' codec; a clear error when it is unknown or not available. */
    private static PageCodec codec(Options options) {
        try {
            return PageCodecs.of(PageCodecs.number(options.compression()));
        } catch (IllegalArgumentException e) {
            throw MallardException.Data.invalidArgument(e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new MallardException.NotImplemented(e.getMessage());
        }
    }

    /** Creates the file, after checking the codec: a bad option leaves no empty file behind. */
    private static OutputStream open(Path path, Options options) {
        codec(options);
        try {
            return new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    private static void close(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // failing already
        }
    }

    /** Rows written so far (buffered ones included). */
    public long rows() {
        return totalRows;
    }

    /** Appends the chunk's live rows; its columns must have this writer's types, in order. */
    public void write(DataChunk chunk) {
        if (closed) throw new IllegalStateException("the writer is closed");
        if (chunk.columnCount() != buffers.length) {
            throw new IllegalArgumentException("a chunk of " + chunk.columnCount() + " columns for " + buffers.length);
        }
        for (int k = 0; k < chunk.count(); k++) {
            int p = chunk.position(k);
            for (int c = 0; c < buffers.length; c++) {
                Vector b = buffers[c];
                if (buffered == b.capacity()) b.ensureCapacity(buffered * 2);
                Vector src = chunk.column(c);
                b.copyFrom(src, p, buffered);
                if (options.rowGroupBytes() > 0 && !src.isNull(p)) bufferedBytes += size(src, p);
            }
            buffered++;
            totalRows++;
            if (buffered >= options.rowGroupRows() || options.rowGroupBytes() > 0 && bufferedBytes >= options.rowGroupBytes()) flush();
        }
    }

    private static long size(Vector v, int p) {
        return switch (v.physicalType()) {
            case STRING -> 4 + v.strings[p].length();
            case INT128 -> 16;
            case OBJECT -> 12;
            case BOOL -> 1;
            default -> 8;
        };
    }

    /** Writes the buffered rows as one row group. */
    private void flush() {
        if (buffered == 0) return;
        long groupStart = position, uncompressed = 0;
        ThriftCompactWriter w = new ThriftCompactWriter().beginStruct();
        w.listField(1, ThriftCompactReader.STRUCT, buffers.length);
        for (int c = 0; c < buffers.length; c++) {
            ColumnChunkWriter.Result r = new ColumnChunkWriter(writeTypes[c], codec, codecNumber != Thrift.UNCOMPRESSED)
                    .write(buffers[c], buffered);
            long start = position;
            write(r.bytes());
            uncompressed += r.uncompressedSize();
            w.beginStruct();
            w.i64(2, start); // file_offset: required but deprecated; writers put the chunk's start there
            w.structField(3);
            w.i32(1, writeTypes[c].physical());
            w.listField(2, ThriftCompactReader.I32, r.encodings().length);
            for (int e : r.encodings()) w.i32Element(e);
            w.listField(3, ThriftCompactReader.BINARY, 1).stringElement(names.get(c));
            w.i32(4, codecNumber);
            w.i64(5, r.numValues());
            w.i64(6, r.uncompressedSize());
            w.i64(7, r.bytes().length);
            w.i64(9, start + r.dataOffset());
            if (r.dictionaryOffset() >= 0) w.i64(11, start + r.dictionaryOffset());
            r.statistics().write(w, 12);
            w.endStruct();
            w.endStruct();
            buffers[c].reset();
        }
        w.i64(2, uncompressed);
        w.i64(3, buffered);
        w.i64(5, groupStart);
        w.i64(6, position - groupStart);
        w.i32(7, rowGroups.size()); // ordinal is an i16 in the specification; i16 and i32 share the varint form
        rowGroups.add(w.endStruct().toByteArray());
        buffered = 0;
        bufferedBytes = 0;
    }

    private void write(byte[] b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot write " + name + ": " + e.getMessage(), e);
        }
        position += b.length;
    }

    /** Writes the last row group and the footer, and closes the file. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            flush();
            ThriftCompactWriter w = new ThriftCompactWriter().beginStruct();
            w.i32(1, 1);
            w.listField(2, ThriftCompactReader.STRUCT, names.size() + 1);
            w.beginStruct().i32(3, Thrift.REQUIRED).string(4, "schema").i32(5, names.size()).endStruct();
            for (int c = 0; c < names.size(); c++) writeTypes[c].writeSchemaElement(w, names.get(c));
            w.i64(3, totalRows);
            w.listField(4, ThriftCompactReader.STRUCT, rowGroups.size());
            byte[] head = w.toByteArray();
            ByteSink footer = new ByteSink(head.length + 1024);
            footer.write(head);
            for (byte[] g : rowGroups) footer.write(g);
            ThriftCompactWriter tail = new ThriftCompactWriter();
            tail.continueStruct(4); // back inside FileMetaData, after field 4
            tail.string(6, "mallard");
            tail.listField(7, ThriftCompactReader.STRUCT, names.size());
            for (int c = 0; c < names.size(); c++) tail.beginStruct().structField(1).endStruct().endStruct(); // TYPE_ORDER
            tail.endStruct();
            footer.write(tail.toByteArray());
            footer.int32(footer.size());
            footer.write(ParquetFile.MAGIC);
            write(footer.toByteArray());
            out.close();
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot write " + name + ": " + e.getMessage(), e);
        } finally {
            close(out);
        }
    }

    public List<String> names() {
        return names;
    }

    public List<LogicalType> types() {
        return types;
    }
}
