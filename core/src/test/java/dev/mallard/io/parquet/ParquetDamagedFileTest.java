package dev.mallard.io.parquet;

import static dev.mallard.io.parquet.ParquetTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not Parquet, or damaged ones, fail with errors naming the file, never with a crash. */
class ParquetDamagedFileTest {
    @TempDir
    Path dir;
    Path good;
    byte[] bytes;

    @BeforeEach
    void write() throws Exception {
        good = dir.resolve("good.parquet");
        try (Connection c = duck()) {
            exec(c, "COPY (SELECT i AS a, 'v' || (i % 50) AS s, i * 1.5 AS d FROM range(5000) t(i)) TO '" + good
                    + "' (FORMAT parquet, COMPRESSION uncompressed, ROW_GROUP_SIZE 2048)");
        }
        bytes = Files.readAllBytes(good);
    }

    private Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void aTextFileIsNotParquet() throws Exception {
        Path p = file("data.parquet", "a,b\n1,2\n".getBytes());
        assertThatThrownBy(() -> bind(p)).isInstanceOf(MallardException.class)
                .hasMessage(p + " is not a Parquet file (it does not start with \"PAR1\")");
        Path empty = file("empty.parquet", new byte[0]);
        assertThatThrownBy(() -> bind(empty)).isInstanceOf(MallardException.class).hasMessageContaining("is not a Parquet file");
    }

    @Test
    void aTruncatedFileHasADamagedFooter() throws Exception {
        for (int keep : new int[] {bytes.length - 1, bytes.length - 100, bytes.length / 2, 8, 5}) {
            Path p = file("cut" + keep + ".parquet", Arrays.copyOf(bytes, keep));
            assertThatThrownBy(() -> bind(p)).as("cut to %d bytes", keep).isInstanceOf(MallardException.class)
                    .hasMessageStartingWith("Parquet file " + p + ": footer damaged")
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void aCorruptFooterLengthOrBodyIsDamaged() throws Exception {
        byte[] badLength = bytes.clone();
        badLength[bytes.length - 5] = 0x7F; // the length's high byte: far beyond the file
        Path p = file("length.parquet", badLength);
        assertThatThrownBy(() -> bind(p)).isInstanceOf(MallardException.class)
                .hasMessageStartingWith("Parquet file " + p + ": footer damaged: it claims to be");

        int length = ValueDecoder.int32(bytes, bytes.length - 8);
        byte[] garbage = bytes.clone();
        Arrays.fill(garbage, bytes.length - 8 - length, bytes.length - 8, (byte) 0xFF);
        Path q = file("garbage.parquet", garbage);
        assertThatThrownBy(() -> bind(q)).isInstanceOf(MallardException.class)
                .hasMessageStartingWith("Parquet file " + q + ": footer damaged: it cannot be decoded");
    }

    /** Random damage anywhere: each read either succeeds or fails with a MallardException, never anything else. */
    @Test
    void randomDamageNeverEscapesAsAnotherException() throws Exception {
        damage(bytes, 300, 42);
    }

    /** The same with every encoding of version 2 pages, GZIP, dictionaries and nested columns. */
    @Test
    void randomDamageOfVersion2NestedAndCompressedFiles() throws Exception {
        Path p = dir.resolve("v2.parquet");
        try (Connection c = duck()) {
            exec(c, "COPY (SELECT i AS a, 'v' || (i % 50) AS s, md5(i::VARCHAR) AS h, i * 1.5 AS d, (i / 3)::REAL AS r,"
                    + " CASE WHEN i % 4 = 0 THEN NULL ELSE [i, i + 1] END AS l, {'x': i, 'y': [NULL, 'q']} AS st,"
                    + " (i * 7)::DECIMAL(30, 2) AS dec FROM range(3000) t(i)) TO '" + p
                    + "' (FORMAT parquet, COMPRESSION gzip, PARQUET_VERSION V2, ROW_GROUP_SIZE 2048)");
        }
        byte[] v2 = Files.readAllBytes(p);
        assertThat(mallardRows(p)).hasSize(3000);
        damage(v2, 200, 7);
        Path q = dir.resolve("v2plain.parquet");
        try (Connection c = duck()) {
            exec(c, "COPY (SELECT i AS a, 'v' || (i % 50) AS s, md5(i::VARCHAR) AS h, i * 1.5 AS d, [i, i + 1] AS l"
                    + " FROM range(3000) t(i)) TO '" + q + "' (FORMAT parquet, COMPRESSION uncompressed, PARQUET_VERSION V2)");
        }
        damage(Files.readAllBytes(q), 200, 8);
    }

    /** Mallard writes page checksums: a flipped bit in page data is found, not read as a value. */
    @Test
    void pageChecksumsCatchDamagedData() throws Exception {
        Path p = dir.resolve("mine.parquet");
        List<LogicalType> types = List.of(LogicalType.BIGINT);
        try (ParquetWriter w = new ParquetWriter(p, List.of("a"), types, new ParquetWriter.Options("uncompressed", 1000, 0))) {
            DataChunk chunk = new DataChunk(types, 1000);
            for (int k = 0; k < 1000; k++) chunk.column(0).setObject(k, k * 1_000_003L);
            chunk.setCount(1000);
            w.write(chunk);
        }
        byte[] b = Files.readAllBytes(p);
        b[4 + 40] ^= 1; // inside the first (and only) data page's values
        Path q = file("flipped.parquet", b);
        assertThatThrownBy(() -> mallardRows(q)).isInstanceOf(MallardException.class)
                .hasMessage("Parquet file " + q + ", row group 0, column \"a\" is damaged: a page failing its checksum");
    }

    /** Projection decodes nothing of other columns: damage in one column's pages does not touch a read of another. */
    @Test
    void columnsNotReadAreNotDecoded() throws Exception {
        FileMetaData footer;
        try (ParquetFile f = new ParquetFile(input(good))) {
            footer = f.footer();
        }
        byte[] b = bytes.clone();
        for (FileMetaData.RowGroup g : footer.rowGroups()) {
            FileMetaData.ColumnChunk s = g.columns().get(1); // column "s": overwrite all of its pages
            Arrays.fill(b, (int) s.start(), (int) (s.start() + s.totalCompressedSize()), (byte) 0xEE);
        }
        Path p = file("s-damaged.parquet", b);
        ParquetScan scan = bind(p);
        List<String> rows = mallardRows(scan, new int[] {2, 0}, List.of());
        assertThat(rows).hasSize(5000).startsWith("0.0|0", "1.5|1").endsWith("7498.5|4999");
        assertThatThrownBy(() -> mallardRows(scan, new int[] {1}, List.of())).isInstanceOf(MallardException.class)
                .hasMessageStartingWith("Parquet file " + p + ", row group 0, column \"s\" is damaged");
    }

    private void damage(byte[] bytes, int trials, long seed) throws Exception {
        Random random = new Random(seed);
        int failures = 0;
        for (int trial = 0; trial < trials; trial++) {
            byte[] b = bytes.clone();
            int flips = 1 + random.nextInt(8);
            for (int k = 0; k < flips; k++) b[4 + random.nextInt(b.length - 12)] ^= (byte) (1 << random.nextInt(8));
            Path p = file("r" + seed + "_" + trial + ".parquet", b);
            try {
                mallardRows(p);
            } catch (MallardException e) {
                assertThat(e.getMessage()).contains(p.toString());
                failures++;
            }
        }
        assertThat(failures).isGreaterThan(0);
    }
}
