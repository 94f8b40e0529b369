package dev.mallard.io.parquet;

import dev.mallard.MallardException;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.vector.DataChunk;
import java.util.List;

/**
 * Reads row groups {@code [from, to)} of a file, the projected columns only: a row group's column
 * chunks are read from disk when the reader reaches it, and nothing of the other columns is read
 * or decoded. Errors in the data name the file, row group and column.
 */
final class ParquetRowReader implements FormatScan.RowReader {
    private final FileInput input;
    private final FileMetaData footer;
    private final List<ParquetColumn> columns;
    private final int to;
    private final ParquetFile file;
    private int group;
    private long rowsLeft;
    private ColumnChunkReader[] readers;
    // nested columns: the row group's values, assembled as JSON text when the group is opened
    private String[][] nested;
    private int groupRow;
    /** Per projected column, the arrays of the last row group, reused for the next (a thread reads one group at a time). */
    private ColumnBuffers[] buffers;

    ParquetRowReader(FileInput input, FileMetaData footer, List<ParquetColumn> columns, int from, int to) {
        this.input = input;
        this.footer = footer;
        this.columns = columns;
        this.to = Math.min(to, footer.rowGroups().size());
        this.group = from - 1;
        this.file = new ParquetFile(input);
    }

    @Override
    public boolean next(DataChunk out) {
        while (rowsLeft == 0) {
            if (group + 1 >= to) return false;
            openGroup(++group);
        }
        int rows = (int) Math.min(rowsLeft, out.columnCount() == 0 ? dev.mallard.vector.Vector.DEFAULT_CAPACITY : capacity(out));
        for (int i = 0; i < readers.length; i++) {
            out.column(i).ensureCapacity(rows);
            if (nested[i] != null) {
                dev.mallard.vector.Vector v = out.column(i);
                for (int k = 0; k < rows; k++) {
                    String text = nested[i][groupRow + k];
                    if (text == null) v.setNull(k);
                    else v.strings[k] = text;
                }
                continue;
            }
            try {
                readers[i].read(out.column(i), rows);
            } catch (ThriftCompactReader.Damaged e) {
                throw MallardException.Storage.corrupted(where(i) + " is damaged: " + e.getMessage());
            } catch (IndexOutOfBoundsException | NegativeArraySizeException | ArithmeticException | ClassCastException e) {
                // the decoders check what they read, but a value that slipped past them still only means damage
                throw MallardException.Storage.corrupted(where(i) + " is damaged (" + e + ")");
            } catch (UnsupportedOperationException e) {
                throw new MallardException.NotImplemented(where(i) + ": " + e.getMessage());
            }
        }
        out.setCount(rows);
        rowsLeft -= rows;
        groupRow += rows;
        return true;
    }

    private static int capacity(DataChunk out) {
        int cap = Integer.MAX_VALUE;
        for (int i = 0; i < out.columnCount(); i++) cap = Math.min(cap, out.column(i).capacity());
        return cap;
    }

    private String where(int column) {
        return "Parquet file " + input.name() + ", row group " + group + ", column \"" + columns.get(column).name() + "\"";
    }

    private void openGroup(int g) {
        FileMetaData.RowGroup rg = footer.rowGroups().get(g);
        if (buffers == null) {
            buffers = new ColumnBuffers[columns.size()];
            for (int i = 0; i < buffers.length; i++) buffers[i] = new ColumnBuffers();
        }
        readers = new ColumnChunkReader[columns.size()];
        nested = new String[columns.size()][];
        groupRow = 0;
        if (rg.numRows() > Integer.MAX_VALUE) throw MallardException.Storage.corrupted("Parquet file " + input.name() + ", row group " + g
                + " is damaged: it claims " + rg.numRows() + " rows");
        for (int i = 0; i < readers.length; i++) {
            ParquetColumn c = columns.get(i);
            if (c.nested()) {
                nested[i] = readNested(rg, i);
                continue;
            }
            FileMetaData.ColumnChunk chunk = rg.columns().get(c.firstLeaf());
            try {
                int length = checkedLength(chunk);
                ColumnBuffers b = buffers[i];
                b.chunk = file.read(chunk.start(), length, ReadBuffers.atLeast(b.chunk, length));
                readers[i] = new ColumnChunkReader(c, b.chunk, length, chunk.codec(), rg.numRows(), b);
            } catch (ThriftCompactReader.Damaged e) {
                throw MallardException.Storage.corrupted(where(i) + " is damaged: " + e.getMessage());
            } catch (UnsupportedOperationException e) {
                throw new MallardException.NotImplemented(where(i) + ": " + e.getMessage());
            }
        }
        rowsLeft = rg.numRows();
    }

    private byte[] bytes(FileMetaData.ColumnChunk chunk) {
        return file.read(chunk.start(), checkedLength(chunk));
    }

    private static int checkedLength(FileMetaData.ColumnChunk chunk) {
        long start = chunk.start();
        if (start < 4 || chunk.totalCompressedSize() < 0 || chunk.totalCompressedSize() > Integer.MAX_VALUE - 16) {
            throw new ThriftCompactReader.Damaged("a column chunk at offset " + start + " of " + chunk.totalCompressedSize() + " bytes");
        }
        return (int) chunk.totalCompressedSize();
    }

    /** Reads every leaf of nested column {@code i} in this row group and assembles its rows as JSON. */
    private String[] readNested(FileMetaData.RowGroup rg, int i) {
        ParquetColumn c = columns.get(i);
        java.util.Map<Integer, ColumnChunkReader.Levels> leaves = new java.util.HashMap<>();
        try {
            for (ParquetColumn leaf : leaves(c.node(), new java.util.ArrayList<>())) {
                FileMetaData.ColumnChunk chunk = rg.columns().get(leaf.firstLeaf());
                leaves.put(leaf.firstLeaf(), new ColumnChunkReader(leaf, bytes(chunk), chunk.codec(), chunk.numValues()).readAll());
            }
            return NestedAssembler.assemble(c.node(), leaves, (int) rg.numRows());
        } catch (ThriftCompactReader.Damaged e) {
            throw MallardException.Storage.corrupted(where(i) + " is damaged: " + e.getMessage());
        } catch (IndexOutOfBoundsException | NegativeArraySizeException | ArithmeticException | ClassCastException e) {
            throw MallardException.Storage.corrupted(where(i) + " is damaged (" + e + ")");
        } catch (UnsupportedOperationException e) {
            throw new MallardException.NotImplemented(where(i) + ": " + e.getMessage());
        }
    }

    private static java.util.List<ParquetColumn> leaves(SchemaNode n, java.util.List<ParquetColumn> out) {
        if (n.leaf() != null) out.add(n.leaf());
        for (SchemaNode c : n.children()) leaves(c, out);
        return out;
    }

    @Override
    public void close() {
        file.close();
        // The arrays go to the next reader: no chunk handed out refers to them (values are copied
        // out). Dropped here so a second close gives nothing twice.
        if (buffers == null) return;
        for (ColumnBuffers b : buffers) b.release();
        buffers = null;
        readers = null;
    }
}
