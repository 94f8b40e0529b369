package dev.mallard.io.json;

import dev.mallard.io.FileFormat;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;

/**
 * JSON files as tables: read_json / read_json_auto ({@link #auto()}: a top-level array of records
 * or records back to back, whichever the file holds) and read_ndjson ({@link #newlineDelimited()}).
 * The {@code format} option overrides the default layout. Each object is a row and its keys are
 * columns, typed from a sample (see {@link JsonTypeGuess}); nested objects and arrays load as
 * VARCHAR holding their JSON text.
 */
public final class JsonFormat implements FileFormat {
    private final JsonLayout defaultLayout;

    private JsonFormat(JsonLayout defaultLayout) {
        this.defaultLayout = defaultLayout;
    }

    /** read_json and read_json_auto: the layout is detected per file unless {@code format} says it. */
    public static JsonFormat auto() {
        return new JsonFormat(JsonLayout.AUTO);
    }

    /** read_ndjson: one record per line. */
    public static JsonFormat newlineDelimited() {
        return new JsonFormat(JsonLayout.NEWLINE_DELIMITED);
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public FormatScan bind(FileInput file, ReadOptions options, FormatScan like) {
        return JsonScan.bind(file, JsonOptions.of(options, defaultLayout), like);
    }
}
