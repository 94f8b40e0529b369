package dev.mallard.io.csv;

import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;
import dev.mallard.io.Rejects;
import dev.mallard.vector.DataChunk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test helpers: write CSV files, bind them, read every row back as physical-form objects. */
final class CsvFiles {
    private CsvFiles() {}

    static FileInput plain(Path dir, String name, String content) throws IOException {
        return plain(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static FileInput plain(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return new FileInput(name, p, null, FileInput.Compression.NONE);
    }

    static FileInput gzip(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return new FileInput(name, p, null, FileInput.Compression.GZIP);
    }

    static FileInput zip(Path dir, String name, String member, String content) throws IOException {
        Path p = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
            out.putNextEntry(new ZipEntry(member));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return new FileInput(name + "/" + member, p, member, FileInput.Compression.ZIP);
    }

    static byte[] gzipBytes(String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static ReadOptions opts(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return new ReadOptions(m);
    }

    static CsvFileScan bind(FileInput f, ReadOptions o) {
        return (CsvFileScan) CsvFormat.INSTANCE.bind(f, o, null);
    }

    static List<List<Object>> rows(FormatScan scan) {
        return rows(scan, scan.splits(2, List.of()), Rejects.NONE);
    }

    static List<List<Object>> rows(FormatScan scan, List<FormatScan.Split> splits, Rejects rejects) {
        int n = scan.names().size();
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) cols[i] = i;
        List<List<Object>> out = new ArrayList<>();
        DataChunk chunk = new DataChunk(scan.types(), 100);
        for (FormatScan.Split split : splits) {
            try (FormatScan.RowReader r = scan.open(split, cols, List.of(), rejects)) {
                while (true) {
                    chunk.reset();
                    if (!r.next(chunk)) break;
                    for (int k = 0; k < chunk.count(); k++) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 0; c < n; c++) row.add(chunk.getObject(c, k));
                        out.add(row);
                    }
                }
            }
        }
        return out;
    }

    static List<List<Object>> read(FileInput f, ReadOptions o) {
        return rows(bind(f, o));
    }

    static List<Object> row(Object... values) {
        List<Object> r = new ArrayList<>();
        Collections.addAll(r, values);
        return r;
    }

    /** Collects rejected rows. */
    static final class Collected implements Rejects {
        final List<String> rows = Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean accepts() {
            return true;
        }

        @Override
        public void reject(FileInput file, long line, long byteOffset, int column, String columnName, String errorType, String rawLine,
                           String message) {
            rows.add(errorType + "|" + line + "|" + column + "|" + columnName + "|" + rawLine + "|" + message);
        }
    }
}
