package dev.mallard.io.csv;

import static dev.mallard.io.csv.CsvFiles.bind;
import static dev.mallard.io.csv.CsvFiles.opts;
import static dev.mallard.io.csv.CsvFiles.plain;
import static dev.mallard.io.csv.CsvFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;
import dev.mallard.io.Rejects;
import dev.mallard.types.LogicalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSplitAndCompressionTest {
    @TempDir
    Path dir;

    /** A random file whose text fields hold quotes, delimiters and newlines; returns the rows written. */
    private static List<List<Object>> randomFile(Random rnd, int rows, StringBuilder out, String nl) {
        List<List<Object>> expected = new ArrayList<>();
        out.append("id,text,score").append(nl);
        String[] pieces = {"a", "b,c", "\"q\"", "\n", "line\r\nbreak", "x y", "é", ",", "\"\"", "z"};
        for (int i = 0; i < rows; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) text.append(pieces[rnd.nextInt(pieces.length)]);
            double score = rnd.nextInt(100_000) / 100.0;
            out.append(i).append(",\"").append(text.toString().replace("\"", "\"\"")).append("\",").append(score).append(nl);
            expected.add(row((long) i, text.toString(), score));
        }
        return expected;
    }

    @Test
    void splitsGiveTheSameRowsAsOneSplit() throws Exception {
        Random rnd = new Random(42);
        for (int round = 0; round < 6; round++) {
            StringBuilder sb = new StringBuilder();
            List<List<Object>> expected = randomFile(rnd, round == 0 ? 300 : 3000, sb, round % 3 == 0 ? "\n" : round % 3 == 1 ? "\r\n" : "\r");
            FileInput f = plain(dir, "r" + round + ".csv", sb.toString());
            CsvFileScan scan = bind(f, ReadOptions.none());
            assertThat(scan.types()).containsExactly(LogicalType.BIGINT, LogicalType.VARCHAR, LogicalType.DOUBLE);
            List<List<Object>> whole = CsvFiles.rows(scan, scan.splitsOfSize(Long.MAX_VALUE / 4), Rejects.NONE);
            assertThat(whole).isEqualTo(expected);
            for (long size : new long[] {round == 0 ? 1 : 37, 101, 997, 4096, 20_000}) {
                List<FormatScan.Split> splits = scan.splitsOfSize(size);
                List<List<Object>> parts = CsvFiles.rows(scan, splits, Rejects.NONE);
                assertThat(parts).as("split size %d of round %d", size, round).isEqualTo(expected);
            }
        }
    }

    @Test
    void splitsKeepBadRowsAndStrayQuotesNearTheirStart() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,c\n");
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            if (i % 50 == 7) {
                sb.append(i).append(",short\n"); // ragged: rejected
            } else if (i % 50 == 9) {
                sb.append(i).append(",5'10\",x\n"); // a quote inside an unquoted value
                expected.add(row((long) i, "5'10\"", "x"));
            } else {
                sb.append(i).append(",v").append(i).append(",w\n");
                expected.add(row((long) i, "v" + i, "w"));
            }
        }
        FileInput f = plain(dir, "bad.csv", sb.toString());
        CsvFileScan scan = bind(f, opts("header", true, "delim", ",", "quote", "\"", "types", List.of("BIGINT", "VARCHAR", "VARCHAR"),
                "store_rejects", true));
        for (long size : new long[] {1L << 30, 64, 333, 2048}) {
            CsvFiles.Collected rejects = new CsvFiles.Collected();
            assertThat(CsvFiles.rows(scan, scan.splitsOfSize(size), rejects)).as("split size %d", size).isEqualTo(expected);
            assertThat(rejects.rows).hasSize(40);
        }
    }

    @Test
    void splitsOfLargeFilesCoverEachThread() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 1_500_000; i++) sb.append(i).append(",").append(i * 3).append('\n');
        FileInput f = plain(dir, "big.csv", sb.toString());
        CsvFileScan scan = bind(f, ReadOptions.none());
        long size = Files.size(f.path());
        assertThat(size).isGreaterThan(16L << 20);
        List<FormatScan.Split> splits = scan.splits(2, List.of());
        assertThat(splits).hasSizeGreaterThanOrEqualTo(2);
        assertThat(splits.get(0).start()).isEqualTo(4);
        assertThat(splits.get(splits.size() - 1).end()).isEqualTo(size);
        long count = 0, sum = 0;
        for (List<Object> r : CsvFiles.rows(scan, splits, Rejects.NONE)) {
            count++;
            sum += (Long) r.get(1);
        }
        assertThat(count).isEqualTo(1_500_000);
        assertThat(sum).isEqualTo(3L * 1_499_999L * 1_500_000L / 2);
        assertThat(scan.estimatedRows()).isBetween(1_000_000L, 2_500_000L);
    }

    @Test
    void errorsInLaterSplitsGiveTheByteOffset() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 1000; i++) sb.append(i).append(',').append(i).append('\n');
        int offset = sb.length();
        sb.append("x,1\n");
        FileInput f = plain(dir, "late.csv", sb.toString());
        CsvFileScan scan = bind(f, opts("types", List.of("BIGINT", "BIGINT")));
        assertThatThrownBy(() -> CsvFiles.rows(scan, scan.splitsOfSize(1000), Rejects.NONE))
                .hasMessageContaining("byte offset " + offset).hasMessageContaining("column 1 (\"a\")");
        assertThatThrownBy(() -> CsvFiles.rows(scan, scan.splitsOfSize(1 << 20), Rejects.NONE)).hasMessageContaining("line 1002");
    }

    @Test
    void gzipAndZipInput() throws Exception {
        String text = "a;b\n1;\"x;y\"\n2;z\n";
        FileInput gz = CsvFiles.gzip(dir, "f.csv.gz", text);
        CsvFileScan scan = bind(gz, ReadOptions.none());
        assertThat(scan.dialect().delimiter()).isEqualTo((byte) ';');
        assertThat(scan.splits(4, List.of())).hasSize(1);
        assertThat(CsvFiles.rows(scan)).containsExactly(row(1L, "x;y"), row(2L, "z"));
        FileInput zip = CsvFiles.zip(dir, "f.zip", "inner/data.csv", text);
        assertThat(CsvFiles.read(zip, ReadOptions.none())).containsExactly(row(1L, "x;y"), row(2L, "z"));
        // a gzip of many rows with junk lines to skip and a header
        StringBuilder sb = new StringBuilder("report\nid,v\n");
        for (int i = 0; i < 50_000; i++) sb.append(i).append(',').append(i % 7).append('\n');
        CsvFileScan big = bind(CsvFiles.gzip(dir, "big.csv.gz", sb.toString()), ReadOptions.none());
        List<List<Object>> rows = CsvFiles.rows(big);
        assertThat(rows).hasSize(50_000);
        assertThat(rows.get(49_999)).isEqualTo(row(49_999L, (long) (49_999 % 7)));
    }

    @Test
    void rowsLongerThanTheBufferAndTheLimitAreRejectedWhileStreaming() throws Exception {
        String text = "a,b\n1,ok\n2," + "x".repeat(600_000) + "\n3,short\n";
        FileInput gz = CsvFiles.gzip(dir, "long.csv.gz", text);
        CsvFileScan scan = bind(gz, opts("header", true, "types", List.of("BIGINT", "VARCHAR"), "max_line_size", 100_000L,
                "store_rejects", true));
        CsvFiles.Collected rejects = new CsvFiles.Collected();
        assertThat(CsvFiles.rows(scan, scan.splits(1, List.of()), rejects)).containsExactly(row(1L, "ok"), row(3L, "short"));
        assertThat(rejects.rows).hasSize(1);
        assertThat(rejects.rows.get(0)).startsWith("LINE_SIZE_OVER_MAXIMUM|3|-1|null|2,xxxx");
        assertThatThrownBy(() -> CsvFiles.read(gz, opts("header", true, "types", List.of("BIGINT", "VARCHAR"), "max_line_size", 100_000L)))
                .hasMessageContaining("long.csv.gz at line 3").hasMessageContaining("max_line_size=100000");
    }

    @Test
    void truncatedGzipIsAClearError() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 200_000; i++) sb.append(i).append(',').append(i).append('\n');
        byte[] gz = CsvFiles.gzipBytes(sb.toString());
        FileInput f = plain(dir, "cut.csv.gz", Arrays.copyOf(gz, gz.length / 2));
        FileInput cut = new FileInput(f.name(), f.path(), null, FileInput.Compression.GZIP);
        assertThatThrownBy(() -> CsvFiles.read(cut, ReadOptions.none()))
                .isInstanceOf(MallardException.class)
                .hasMessageContaining("cut.csv.gz")
                .hasMessageContaining("Unexpected end of ZLIB input stream");
    }
}
