/**
 * Parquet files without Hadoop: a reader ({@link dev.mallard.io.parquet.ParquetFormat}, a
 * {@link dev.mallard.io.FileFormat}) and a writer ({@link dev.mallard.io.parquet.ParquetWriter}),
 * written from the Parquet and Thrift specifications.
 *
 * <h2>Reading</h2>
 * {@code ParquetFormat.INSTANCE.bind(fileInput, readOptions, like)} reads the footer and returns a
 * {@link dev.mallard.io.parquet.ParquetScan}: its {@code names()} and {@code types()}, one split
 * per row group ({@code splits(threads, filters)} leaves out row groups whose min/max/null-count
 * statistics rule out a {@link dev.mallard.storage.TableFilter}), and {@code open(split, columns,
 * filters, rejects)} giving a reader that decodes only the projected columns.
 *
 * <ul>
 *   <li>Types: BOOLEAN; INT32/INT64 with INT(8/16/32/64, signed or not), DATE, TIMESTAMP (millis,
 *       micros, nanos; UTC-adjusted or not), DECIMAL (also on FIXED_LEN_BYTE_ARRAY and
 *       BYTE_ARRAY), TIME (as VARCHAR text); INT96 timestamps; FLOAT, DOUBLE, FLOAT16 (REAL);
 *       byte arrays (STRING, ENUM, JSON, BSON, un-annotated binary) as VARCHAR; UUID as VARCHAR;
 *       INTERVAL. UINT8/16/32 widen to SMALLINT/INTEGER/BIGINT, UINT64 to DECIMAL(20, 0).</li>
 *   <li>Nested columns (LIST, MAP, STRUCT, any nesting, legacy two-level lists) are VARCHAR
 *       holding JSON text: {@code [1, 2]}, {@code {"a": 1}}.</li>
 *   <li>Pages: data page V1 and V2, dictionary pages; encodings PLAIN, PLAIN_DICTIONARY,
 *       RLE_DICTIONARY, RLE, BIT_PACKED (levels), DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
 *       DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT.</li>
 *   <li>Compression: UNCOMPRESSED and GZIP built in; SNAPPY and ZSTD found at run time in
 *       {@code dev.mallard.io.compress} (see {@link dev.mallard.io.parquet.PageCodecs}); others
 *       fail with "compression X is not supported yet".</li>
 * </ul>
 *
 * <h2>Writing</h2>
 * {@code new ParquetWriter(path, names, types, ParquetWriter.Options.from(copyOptions))}, then
 * {@code write(chunk)} as often as needed and {@code close()}. Options: {@code compression},
 * {@code row_group_size} (rows, default 122,880), {@code row_group_size_bytes}.
 *
 * <h2>Errors</h2>
 * A file that is not Parquet, a truncated file or a damaged footer or page fails with a
 * {@link dev.mallard.MallardException} naming the file (and the row group and column for pages);
 * what the reader cannot read yet fails with {@link dev.mallard.MallardException.NotImplemented}
 * when that column is read.
 */
package dev.mallard.io.parquet;
