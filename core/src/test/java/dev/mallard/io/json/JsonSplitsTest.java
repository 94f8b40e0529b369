package dev.mallard.io.json;

import static dev.mallard.io.json.JsonTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;
import dev.mallard.io.Rejects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Newline-delimited plain files are read in byte ranges; together they must give every record exactly once. */
class JsonSplitsTest {
    @TempDir
    Path dir;

    private static List<List<String>> readSplits(JsonScan scan, List<FormatScan.Split> splits, Rejects rejects) {
        List<List<String>> rows = new ArrayList<>();
        for (FormatScan.Split split : splits) {
            JsonScan one = scan;
            // Read each piece on its own, as a thread of the scan would.
            FormatScan single = new FormatScan() {
                public FileInput file() { return one.file(); }
                public List<String> names() { return one.names(); }
                public List<dev.mallard.types.LogicalType> types() { return one.types(); }
                public long estimatedRows() { return -1; }
                public List<Split> splits(int threads, List<dev.mallard.storage.TableFilter> filters) { return List.of(split); }
                public RowReader open(Split s, int[] columns, List<dev.mallard.storage.TableFilter> filters, Rejects r) {
                    return one.open(s, columns, filters, r);
                }
            };
            rows.addAll(JsonTestFiles.readAll(single, new int[] {0, 1}, rejects).rows());
        }
        return rows;
    }

    private static String lines(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // Lines of varying length, some with two records, some blank, so cuts land everywhere.
            sb.append("{\"i\": ").append(i).append(", \"s\": \"").append("x".repeat(i % 7)).append("é\"}");
            if (i % 5 == 0) sb.append("\n");
            if (i % 11 == 0) sb.append(" {\"i\": ").append(-i).append(", \"s\": \"pair\"}");
            sb.append("\n");
        }
        return sb.toString();
    }

    @Test
    void everyRecordIsReadOnceWhateverTheCuts() throws IOException {
        String text = lines(500);
        FileInput f = write(dir, "nd.json", text);
        JsonScan scan = (JsonScan) JsonFormat.newlineDelimited().bind(f, ReadOptions.none(), null);
        List<List<String>> whole = JsonTestFiles.readAll(scan, new int[] {0, 1}, Rejects.NONE).rows();
        assertThat(whole).hasSize(500 + 46);
        for (int threads : new int[] {2, 3, 7, 16, 64}) {
            List<FormatScan.Split> splits = scan.splits(threads, 1);
            assertThat(splits).hasSize(threads);
            assertThat(readSplits(scan, splits, Rejects.NONE)).as("%d pieces", threads).isEqualTo(whole);
        }
        // Cuts at every byte offset near a few line breaks.
        int nl = text.indexOf('\n', 200);
        for (long cut = nl - 2; cut <= nl + 2; cut++) {
            List<FormatScan.Split> two = List.of(new FormatScan.Split(0, 0, cut), new FormatScan.Split(1, cut, f.size()));
            assertThat(readSplits(scan, two, Rejects.NONE)).as("cut at %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void onlyPlainNewlineDelimitedFilesAreCut() throws IOException {
        String text = lines(200);
        JsonScan auto = (JsonScan) JsonFormat.auto().bind(write(dir, "a.json", text), ReadOptions.none(), null);
        assertThat(auto.splits(8, 1)).hasSize(1);
        JsonScan gz = (JsonScan) JsonFormat.newlineDelimited().bind(JsonTestFiles.writeGzip(dir, "a.json.gz", text),
                ReadOptions.none(), null);
        assertThat(gz.splits(8, 1)).hasSize(1);
        JsonScan small = (JsonScan) JsonFormat.newlineDelimited().bind(write(dir, "b.json", text), ReadOptions.none(), null);
        assertThat(small.splits(8, List.of())).hasSize(1); // under 1 MiB: one piece
        JsonScan nd = (JsonScan) JsonFormat.auto().bind(write(dir, "c.json", text), new ReadOptions(Map.of("format",
                "newline_delimited")), null);
        assertThat(nd.splits(8, 1)).hasSize(8);
    }

    @Test
    void errorsInALaterPieceNameTheLineInTheWholeFile() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 100; i++) sb.append(i == 90 ? "{\"i\": 90, \"s\": oops}" : "{\"i\": " + i + ", \"s\": \"v\"}").append('\n');
        FileInput f = write(dir, "err.json", sb.toString());
        JsonScan scan = (JsonScan) JsonFormat.newlineDelimited().bind(f, new ReadOptions(Map.of("sample_size", 10)), null);
        List<FormatScan.Split> splits = scan.splits(4, 1);
        assertThatThrownBy(() -> readSplits(scan, splits, Rejects.NONE))
                .hasMessage("malformed JSON in err.json at line 90, column 16: expected a value, found 'o'");
        // With ignore_errors the bad record is rejected once, by the piece its line starts in.
        JsonScan lenient = (JsonScan) JsonFormat.newlineDelimited().bind(f, new ReadOptions(Map.of("ignore_errors", true)), null);
        List<String> rejected = new ArrayList<>();
        Rejects collect = new Rejects() {
            public boolean accepts() { return true; }
            public void reject(FileInput file, long line, long byteOffset, int column, String columnName, String errorType, String rawLine,
                               String message) {
                rejected.add(line + ":" + byteOffset + ":" + errorType);
            }
        };
        for (int threads : new int[] {2, 3, 5, 9}) {
            rejected.clear();
            assertThat(readSplits(lenient, lenient.splits(threads, 1), collect)).hasSize(99);
            assertThat(rejected).containsExactly("90:" + sb.indexOf("{\"i\": 90") + ":MALFORMED_JSON");
        }
    }
}
