package dev.mallard.bench;

import dev.mallard.tpch.TpchLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Generated TPC-H rows as CSV lines: comma-separated, a value quoted (RFC 4180) only when it holds
 * a comma, a quote or a line break, dates as ISO text and decimals as plain text, so that any CSV
 * reader's type detection sees the values a person would write. A {@link TpchLoader.RowAppender},
 * so the generation itself is the loaders'; write failures come out unchecked, since that
 * interface speaks only SQLException.
 */
final class CsvRowWriter implements TpchLoader.RowAppender {
    private final Writer out;
    private boolean first;

    CsvRowWriter(Writer out) {
        this.out = out;
    }

    /** The header line: the column names as given. */
    void header(Iterable<String> names) {
        beginRow();
        for (String n : names) append(n);
        endRow();
    }

    @Override public void beginRow() {
        first = true;
    }

    @Override public void append(long v) {
        field(Long.toString(v));
    }

    @Override public void append(int v) {
        field(Integer.toString(v));
    }

    @Override public void append(BigDecimal v) {
        field(v.toPlainString());
    }

    @Override public void append(LocalDate v) {
        field(v.toString());
    }

    @Override public void append(String v) {
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char ch = v.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        field(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
    }

    @Override public void endRow() {
        write("\n");
    }

    private void field(String text) {
        if (!first) write(",");
        first = false;
        write(text);
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
