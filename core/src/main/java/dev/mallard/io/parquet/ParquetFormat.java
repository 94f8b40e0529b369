package dev.mallard.io.parquet;

import dev.mallard.MallardException;
import dev.mallard.io.FileFormat;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;
import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * Parquet files, read without Hadoop: binding reads the footer (schema, row groups, statistics);
 * the returned {@link ParquetScan} reads row groups as splits. Options: none yet (every column of
 * the file is offered; the scan reads only those asked for).
 */
public final class ParquetFormat implements FileFormat {
    public static final ParquetFormat INSTANCE = new ParquetFormat();

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public FormatScan bind(FileInput file, ReadOptions options, FormatScan like) {
        FileMetaData footer;
        List<ParquetColumn> columns;
        try (ParquetFile f = new ParquetFile(file)) {
            try {
                footer = f.footer();
                columns = ParquetSchema.columns(footer.schema());
                for (FileMetaData.RowGroup g : footer.rowGroups()) {
                    int leaves = columns.isEmpty() ? 0 : columns.getLast().firstLeaf() + columns.getLast().leafCount();
                    if (g.columns().size() != leaves) {
                        throw new ThriftCompactReader.Damaged("a row group with " + g.columns().size() + " column chunks for "
                                + leaves + " columns");
                    }
                }
            } catch (ThriftCompactReader.Damaged e) {
                throw MallardException.Storage.corrupted("Parquet file " + file.name() + ": footer damaged: " + e.getMessage());
            } catch (UnsupportedOperationException e) {
                throw new MallardException.NotImplemented("Parquet file " + file.name() + ": " + e.getMessage());
            }
        }
        ParquetScan scan = new ParquetScan(file, footer, columns);
        if (like != null && !(like.names().equals(scan.names()) && like.types().equals(scan.types()))) {
            throw MallardException.Binder.typeMismatch("Parquet file " + file.name() + " has columns " + describe(scan.names(), scan.types())
                    + " but " + like.file().name() + " has " + describe(like.names(), like.types()));
        }
        return scan;
    }

    private static String describe(List<String> names, List<LogicalType> types) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < names.size(); i++) b.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(types.get(i));
        return b.append(')').toString();
    }
}
