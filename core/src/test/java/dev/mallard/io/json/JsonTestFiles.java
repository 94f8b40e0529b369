package dev.mallard.io.json;

import dev.mallard.io.FileFormat;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;
import dev.mallard.io.Rejects;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/** Writes JSON files for tests and reads them through a {@link FileFormat} the way a scan does. */
final class JsonTestFiles {
    private JsonTestFiles() {}

    /** A bound file's schema and all its rows, values as CAST(x AS VARCHAR) text (null for NULL). */
    record Table(List<String> names, List<LogicalType> types, List<List<String>> rows, long estimatedRows) {
        List<String> typeNames() {
            return types.stream().map(LogicalType::toString).toList();
        }
    }

    static FileInput write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return new FileInput(name, p, null, FileInput.Compression.NONE);
    }

    static FileInput writeGzip(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return new FileInput(name, p, null, FileInput.Compression.GZIP);
    }

    static Table read(FileFormat format, FileInput file, Map<String, ?> options) {
        return read(format, file, options, Rejects.NONE);
    }

    static Table read(FileFormat format, FileInput file, Map<String, ?> options, Rejects rejects) {
        FormatScan scan = format.bind(file, new ReadOptions(options), null);
        return readAll(scan, IntStream.range(0, scan.names().size()).toArray(), rejects);
    }

    /** Reads the given columns of every split, in order, with small chunks so rows cross chunk boundaries. */
    static Table readAll(FormatScan scan, int[] columns, Rejects rejects) {
        List<LogicalType> types = Arrays.stream(columns).mapToObj(scan.types()::get).toList();
        List<List<String>> rows = new ArrayList<>();
        for (FormatScan.Split split : scan.splits(2, List.of())) {
            try (FormatScan.RowReader reader = scan.open(split, columns, List.of(), rejects)) {
                DataChunk chunk = new DataChunk(types, 3);
                while (true) {
                    chunk.reset();
                    if (!reader.next(chunk)) break;
                    for (int k = 0; k < chunk.count(); k++) {
                        List<String> row = new ArrayList<>();
                        for (int c = 0; c < columns.length; c++) row.add(Values.toText(types.get(c), chunk.getObject(c, k)));
                        rows.add(row);
                    }
                }
            }
        }
        return new Table(Arrays.stream(columns).mapToObj(scan.names()::get).toList(), types, rows, scan.estimatedRows());
    }

    static List<String> row(String... values) {
        return Arrays.asList(values);
    }
}
