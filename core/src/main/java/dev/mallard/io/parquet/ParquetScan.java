package dev.mallard.io.parquet;

import dev.mallard.MallardException;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.Rejects;
import dev.mallard.storage.TableFilter;
import dev.mallard.storage.ZoneMap;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * One bound Parquet file: its columns and row groups. Each row group is a split (start = its
 * index, end = index + 1); {@link #splits} leaves out row groups whose statistics rule out a
 * filter. Immutable after binding; readers open their own file handle.
 */
public final class ParquetScan implements FormatScan {
    private final FileInput file;
    private final FileMetaData footer;
    private final List<ParquetColumn> columns;
    private final List<String> names;
    private final List<LogicalType> types;

    ParquetScan(FileInput file, FileMetaData footer, List<ParquetColumn> columns) {
        this.file = file;
        this.footer = footer;
        this.columns = List.copyOf(columns);
        this.names = columns.stream().map(ParquetColumn::name).toList();
        this.types = columns.stream().map(ParquetColumn::type).toList();
    }

    @Override
    public FileInput file() {
        return file;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public List<LogicalType> types() {
        return types;
    }

    @Override
    public long estimatedRows() {
        return footer.numRows();
    }

    /** Row groups in the file. */
    public int rowGroupCount() {
        return footer.rowGroups().size();
    }

    /** Rows of the row groups a split covers, known from the footer without reading (count(*) needs no column). */
    public long rowCount(Split split) {
        long n = 0;
        for (long g = split.start(); g < split.end() && g < footer.rowGroups().size(); g++) n += footer.rowGroups().get((int) g).numRows();
        return n;
    }

    /** The program that wrote the file (the footer's created_by), or null. */
    public String createdBy() {
        return footer.createdBy();
    }

    @Override
    public List<Split> splits(int threads, List<TableFilter> filters) {
        List<Split> out = new ArrayList<>();
        for (int g = 0; g < footer.rowGroups().size(); g++) {
            if (mayMatch(g, filters)) out.add(new Split(g, g, g + 1));
        }
        return out;
    }

    /** False only when row group {@code g}'s statistics prove some filter holds for none of its rows. */
    boolean mayMatch(int g, List<TableFilter> filters) {
        if (filters == null || filters.isEmpty()) return true;
        FileMetaData.RowGroup group = footer.rowGroups().get(g);
        if (group.numRows() == 0) return false;
        for (TableFilter f : filters) {
            if (f.column() < 0 || f.column() >= columns.size()) continue;
            ParquetColumn c = columns.get(f.column());
            if (c.nested() || c.unsupported() != null) continue;
            int leaf = c.firstLeaf();
            boolean typeOrder = footer.typeOrder() == null || leaf >= footer.typeOrder().length || footer.typeOrder()[leaf];
            ZoneMap zone = StatisticsZoneMap.of(c, group.columns().get(leaf), group.numRows(), typeOrder);
            if (!f.mayMatch(zone)) return false;
        }
        return true;
    }

    @Override
    public RowReader open(Split split, int[] projection, List<TableFilter> filters, Rejects rejects) {
        List<ParquetColumn> wanted = new ArrayList<>();
        for (int c : projection) {
            ParquetColumn col = columns.get(c);
            if (col.unsupported() != null) {
                throw new MallardException.NotImplemented("Parquet file " + file.name() + ": column \"" + col.name() + "\": "
                        + col.unsupported());
            }
            wanted.add(col);
        }
        return new ParquetRowReader(file, footer, wanted, (int) split.start(), (int) split.end());
    }
}
