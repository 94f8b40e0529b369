package dev.mallard.io.json;

import static dev.mallard.io.json.JsonTestFiles.read;
import static dev.mallard.io.json.JsonTestFiles.row;
import static dev.mallard.io.json.JsonTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
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

class JsonErrorsTest {
    @TempDir
    Path dir;

    private String malformed(String json) throws IOException {
        try {
            read(JsonFormat.auto(), write(dir, "bad.json", json), Map.of());
        } catch (MallardException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void malformedJsonNamesFileLineColumnAndWhatWasExpected() throws IOException {
        assertThat(malformed("{\"a\": 1}\n{\"a\" 2}\n"))
                .isEqualTo("malformed JSON in bad.json at line 2, column 6: expected ':' after an object key, found '2'");
        assertThat(malformed("{\"a\": 1,}"))
                .isEqualTo("malformed JSON in bad.json at line 1, column 9: expected a string key or '}' in an object, found '}'");
        assertThat(malformed("[{\"a\": 1}\n {\"a\": 2}]"))
                .isEqualTo("malformed JSON in bad.json at line 2, column 2: expected ',' or ']' after an array element, found '{'");
        assertThat(malformed("{\"a\": \"unterminated}\n"))
                .isEqualTo("malformed JSON in bad.json at line 1, column 21: expected '\"' to close a string (control characters "
                        + "must be escaped), found the end of the line");
        assertThat(malformed("{\"a\": tru}"))
                .isEqualTo("malformed JSON in bad.json at line 1, column 10: expected 'true', found '}'");
        assertThat(malformed("{\"a\": 01}"))
                .isEqualTo("malformed JSON in bad.json at line 1, column 8: expected ',' or '}' after an object member, found '1'");
        assertThat(malformed("{\"a\": 1.}"))
                .isEqualTo("malformed JSON in bad.json at line 1, column 9: expected a digit after the decimal point, found '}'");
        assertThat(malformed("{\"a\": \"\\x\"}"))
                .startsWith("malformed JSON in bad.json at line 1, column 9: expected an escape");
        assertThat(malformed("{\"a\": [1, 2"))
                .isEqualTo("malformed JSON in bad.json at line 1, column 12: expected ',' or ']' after an array element, "
                        + "found the end of the file");
        assertThat(malformed("{\"a\": 1}\n\n   {\"a\": }"))
                .isEqualTo("malformed JSON in bad.json at line 3, column 10: expected a value, found '}'");
    }

    @Test
    void invalidUtf8InAStringIsRefused() throws IOException {
        byte[][] bad = {
                {(byte) 0xC3},                          // cut short
                {(byte) 0xC0, (byte) 0xA9},             // overlong
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate
                {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
                {(byte) 0x80},                          // a lone continuation byte
        };
        for (byte[] b : bad) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes("{\"a\": \"ok\"}\n{\"a\": \"x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeBytes(b);
            out.writeBytes("y\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Path p = dir.resolve("utf.json");
            java.nio.file.Files.write(p, out.toByteArray());
            FileInput f = new FileInput("utf.json", p, null, FileInput.Compression.NONE);
            assertThatThrownBy(() -> read(JsonFormat.auto(), f, Map.of()))
                    .hasMessage("malformed JSON in utf.json at line 2, column 9: invalid UTF-8 in a string");
            assertThat(read(JsonFormat.auto(), f, Map.of("ignore_errors", true)).rows()).containsExactly(row("ok"));
        }
        // Valid multi-byte characters of every length, also split across escapes.
        assertThat(JsonTokenizer.invalidUtf8("é日😀".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 9)).isEqualTo(-1);
        assertThat(read(JsonFormat.auto(), write(dir, "ok.json", "{\"a\": \"é\\n日\\t😀\"}"), Map.of()).rows())
                .containsExactly(row("é\n日\t😀"));
    }

    @Test
    void malformedInputIsADataError() throws IOException {
        assertThatThrownBy(() -> read(JsonFormat.auto(), write(dir, "x.json", "{oops}"), Map.of()))
                .isInstanceOf(MallardException.Data.class);
    }

    @Test
    void errorPastTheSampleIsRaisedByTheReader() throws IOException {
        String json = "{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3\n";
        FormatScan scan = JsonFormat.auto().bind(write(dir, "late.json", json), new ReadOptions(Map.of("sample_size", 1)), null);
        assertThatThrownBy(() -> JsonTestFiles.readAll(scan, new int[] {0}, Rejects.NONE))
                .hasMessage("malformed JSON in late.json at line 4, column 1: expected ',' or '}' after an object member, "
                        + "found the end of the file");
    }

    @Test
    void arrayFormatRequiresAnArray() throws IOException {
        assertThatThrownBy(() -> read(JsonFormat.auto(), write(dir, "na.json", "{\"a\": 1}"), Map.of("format", "array")))
                .hasMessage("malformed JSON in na.json at line 1, column 1: expected '[' (format 'array' reads one JSON array of "
                        + "records), found '{'");
    }

    @Test
    void nonObjectAmongRecords() throws IOException {
        assertThatThrownBy(() -> read(JsonFormat.auto(), write(dir, "no.json", "{\"a\": 1}\n[1, 2]\n"), Map.of()))
                .hasMessage("malformed JSON in no.json at line 2: expected a JSON object (records = true), found [1,2]");
    }

    @Test
    void valueNotFittingItsColumnNamesKeyTypeAndValue() throws IOException {
        String json = "{\"a\": 1}\n{\"a\": 2}\n{\"a\": \"three\"}\n";
        FormatScan scan = JsonFormat.auto().bind(write(dir, "cast.json", json), new ReadOptions(Map.of("sample_size", 2)), null);
        assertThat(scan.types().get(0).toString()).isEqualTo("BIGINT");
        assertThatThrownBy(() -> JsonTestFiles.readAll(scan, new int[] {0}, Rejects.NONE))
                .isInstanceOf(MallardException.Data.class)
                .hasMessageStartingWith("could not convert JSON value \"three\" of key \"a\" to BIGINT in cast.json at line 3");
        assertThatThrownBy(() -> read(JsonFormat.auto(), write(dir, "cast2.json", "{\"d\": \"2024-13-01\"}"),
                Map.of("columns", Map.of("d", "DATE"))))
                .hasMessageStartingWith("could not convert JSON value \"2024-13-01\" of key \"d\" to DATE");
        assertThatThrownBy(() -> read(JsonFormat.auto(), write(dir, "cast3.json", "{\"t\": 300}"),
                Map.of("columns", Map.of("t", "TINYINT"))))
                .hasMessageStartingWith("could not convert JSON value 300 of key \"t\" to TINYINT");
        assertThatThrownBy(() -> read(JsonFormat.auto(), write(dir, "cast4.json", "{\"t\": 123.456}"),
                Map.of("columns", Map.of("t", "DECIMAL(4,2)"))))
                .hasMessageStartingWith("could not convert JSON value 123.456 of key \"t\" to DECIMAL(4,2)");
    }

    /** Collects rejected rows, as store_rejects would. */
    private static final class Collected implements Rejects {
        final List<String> rows = new ArrayList<>();

        @Override
        public boolean accepts() {
            return true;
        }

        @Override
        public synchronized void reject(FileInput file, long line, long byteOffset, int column, String columnName, String errorType,
                                        String rawLine, String message) {
            rows.add(file.name() + ":" + line + ":" + byteOffset + ":" + column + ":" + columnName + ":" + errorType + ":" + rawLine);
        }
    }

    @Test
    void ignoreErrorsSkipsBadRecordsAndReportsThemToRejects() throws IOException {
        String json = "{\"a\": 1, \"b\": \"x\"}\n{\"a\": oops}\n{\"a\": \"two\", \"b\": \"y\"}\n{\"a\": 3, \"b\": \"z\"}\n";
        FileInput f = write(dir, "ig.json", json);
        Map<String, Object> options = Map.of("ignore_errors", true, "columns", JsonFormatTest.ordered("a", "BIGINT", "b", "VARCHAR"));
        Collected rejects = new Collected();
        JsonTestFiles.Table t = read(JsonFormat.auto(), f, options, rejects);
        assertThat(t.rows()).containsExactly(row("1", "x"), row("3", "z"));
        assertThat(rejects.rows).containsExactly(
                "ig.json:2:19:-1:null:MALFORMED_JSON:",
                "ig.json:3:31:1:a:CAST:{\"a\":\"two\",\"b\":\"y\"}");
        // Without a Rejects that accepts, ignore_errors still skips them.
        assertThat(read(JsonFormat.auto(), f, options).rows()).hasSize(2);
    }

    @Test
    void ignoreErrorsDuringDetection() throws IOException {
        String json = "{\"a\": 1}\n{\"a\": [1, }\n{\"a\": 2.5}\n";
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "id.json", json), Map.of("ignore_errors", true));
        assertThat(t.typeNames()).containsExactly("DOUBLE");
        assertThat(t.rows()).containsExactly(row("1.0"), row("2.5"));
    }

    @Test
    void badOptions() throws IOException {
        FileInput f = write(dir, "o.json", "{\"a\": 1}");
        assertThatThrownBy(() -> read(JsonFormat.auto(), f, Map.of("formatt", "array")))
                .hasMessageStartingWith("unknown option \"formatt\" for read_json");
        assertThatThrownBy(() -> read(JsonFormat.auto(), f, Map.of("format", "csv")))
                .hasMessage("option format takes 'auto', 'newline_delimited', 'array' or 'unstructured', got 'csv'");
        assertThatThrownBy(() -> read(JsonFormat.auto(), f, Map.of("columns", Map.of("a", "NOPE"))))
                .hasMessageStartingWith("type \"NOPE\" does not exist");
        assertThatThrownBy(() -> read(JsonFormat.auto(), f, Map.of("sample_size", 0)))
                .hasMessage("option sample_size takes a positive number or -1, got 0");
        assertThatThrownBy(() -> read(JsonFormat.auto(), f, Map.of("dateformat", "dd/mm/yyyy")))
                .hasMessageStartingWith("option dateformat takes a strptime format");
        assertThatThrownBy(() -> read(JsonFormat.auto(), write(dir, "empty.json", "[{}, {}]"), Map.of()))
                .hasMessageStartingWith("read_json found no keys in the records of empty.json");
    }

    @Test
    void missingFile() {
        FileInput f = new FileInput("nope.json", dir.resolve("nope.json"), null, FileInput.Compression.NONE);
        assertThatThrownBy(() -> read(JsonFormat.auto(), f, Map.of())).hasMessage("file nope.json does not exist");
    }

    @Test
    void tooDeepNestingIsRefusedNotAStackOverflow() throws IOException {
        String deep = "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> read(JsonFormat.auto(), write(dir, "deep.json", deep), Map.of()))
                .hasMessageContaining("expected at most 1000 levels of nesting");
    }
}
