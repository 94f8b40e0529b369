package dev.mallard.io.json;

import dev.mallard.io.FormatWriter;
import dev.mallard.io.OutputFile;
import dev.mallard.io.ReadOptions;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one JSON object per row: newline-delimited by default, a JSON array with
 * {@code array = true}. Numbers and booleans are JSON numbers and booleans (non-finite doubles,
 * which JSON cannot hold, as strings), everything else strings; dates in ISO 8601; NULL as null.
 */
public final class JsonWriter implements FormatWriter {
    static final List<String> OPTIONS = List.of("format", "array", "compression");

    private final OutputFile file;
    private final OutputStream out;
    private final List<LogicalType> types;
    private final String[] keys;
    private final boolean array;
    private final StringBuilder sb = new StringBuilder();
    private boolean first = true;

    private JsonWriter(OutputFile file, List<String> names, List<LogicalType> types, ReadOptions options) {
        options.rejectUnknown(OPTIONS, "COPY ... (FORMAT json)");
        this.file = file;
        this.types = types;
        this.array = options.bool("array", false);
        this.keys = new String[names.size()];
        for (int c = 0; c < keys.length; c++) {
            StringBuilder k = new StringBuilder();
            string(k, names.get(c));
            keys[c] = k.append(':').toString();
        }
        this.out = file.open();
        if (array) sb.append("[\n");
    }

    public static FormatWriter create(OutputFile file, List<String> names, List<LogicalType> types, ReadOptions options) {
        return new JsonWriter(file, names, types, options);
    }

    @Override
    public void write(DataChunk chunk) {
        for (int k = 0; k < chunk.count(); k++) {
            int row = chunk.position(k);
            if (array && !first) sb.append(",\n");
            first = false;
            sb.append('{');
            for (int c = 0; c < keys.length; c++) {
                if (c > 0) sb.append(',');
                sb.append(keys[c]);
                Vector v = chunk.column(c);
                if (v.isNull(row)) {
                    sb.append("null");
                    continue;
                }
                LogicalType t = types.get(c);
                String text = Values.toText(t, v.getObject(row));
                switch (t.id()) {
                    case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> sb.append(text);
                    case REAL, DOUBLE -> {
                        double d = ((Number) v.getObject(row)).doubleValue();
                        if (Double.isFinite(d)) sb.append(text);
                        else string(sb, text);
                    }
                    default -> string(sb, text);
                }
            }
            sb.append('}');
            if (!array) sb.append('\n');
            if (sb.length() > 1 << 16) flush();
        }
    }

    private static void string(StringBuilder sb, String s) {
        JsonText.appendQuoted(sb, s);
    }

    private void flush() {
        try {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw file.error(e);
        }
        sb.setLength(0);
    }

    @Override
    public void close() {
        if (array) sb.append(first ? "]\n" : "\n]\n");
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw file.error(e);
        }
    }
}
