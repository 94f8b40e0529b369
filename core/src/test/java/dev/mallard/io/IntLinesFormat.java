package dev.mallard.io;

import dev.mallard.MallardException;
import dev.mallard.storage.TableFilter;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal format for testing the scan of files apart from any real format: a header line of
 * column names, then lines of comma-separated integers (empty: NULL). Each file is one piece, or
 * {@code pieces} pieces of whole lines when the option asks for more, so parallel reading and
 * row order can be tested.
 */
final class IntLinesFormat implements FileFormat {
    @Override
    public String name() {
        return "intlines";
    }

    @Override
    public FormatScan bind(FileInput file, ReadOptions options, FormatScan like) {
        options.rejectUnknown(List.of("pieces"), "read_intlines");
        List<String> lines = lines(file);
        if (lines.isEmpty()) throw MallardException.Data.invalidArgument(file.name() + " is empty");
        List<String> names = Arrays.asList(lines.get(0).split(","));
        int pieces = (int) options.integer("pieces", 1);
        return new Scan(file, names, lines.subList(1, lines.size()), pieces);
    }

    static List<String> lines(FileInput file) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Scan(FileInput file, List<String> names, List<String> rows, int pieces) implements FormatScan {
        @Override
        public List<LogicalType> types() {
            return names.stream().map(n -> LogicalType.BIGINT).toList();
        }

        @Override
        public long estimatedRows() {
            return rows.size();
        }

        @Override
        public List<Split> splits(int threads, List<TableFilter> filters) {
            List<Split> out = new ArrayList<>();
            int per = Math.max(1, (rows.size() + pieces - 1) / pieces);
            for (int i = 0, start = 0; start < rows.size() || i == 0; i++, start += per) out.add(new Split(i, start, Math.min(rows.size(), start + per)));
            return out;
        }

        @Override
        public RowReader open(Split split, int[] columns, List<TableFilter> filters, Rejects rejects) {
            return new RowReader() {
                long next = split.start();

                @Override
                public boolean next(DataChunk out) {
                    int n = 0;
                    while (next < split.end() && n < out.column(0).capacity()) {
                        String[] fields = rows.get((int) next++).split(",", -1);
                        for (int c = 0; c < columns.length; c++) {
                            String f = columns[c] < fields.length ? fields[columns[c]] : "";
                            if (f.isEmpty()) out.column(c).setNull(n);
                            else out.column(c).setObject(n, Long.parseLong(f.trim()));
                        }
                        n++;
                    }
                    out.setCount(n);
                    return n > 0;
                }

                @Override
                public void close() {}
            };
        }
    }
}
