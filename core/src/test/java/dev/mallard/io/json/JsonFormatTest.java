package dev.mallard.io.json;

import static dev.mallard.io.json.JsonTestFiles.read;
import static dev.mallard.io.json.JsonTestFiles.row;
import static dev.mallard.io.json.JsonTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;
import dev.mallard.io.Rejects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFormatTest {
    @TempDir
    Path dir;

    private static final String PEOPLE_ND = """
            {"id": 1, "name": "Ann", "score": 9.5, "active": true}
            {"id": 2, "name": "Bob", "score": 7, "active": false}
            {"id": 3, "name": "Cy", "score": null, "active": true}
            {"id": 4, "name": "Di", "score": 1e2, "active": null}
            """;

    @Test
    void newlineDelimitedRecordsWithDetectedTypes() throws IOException {
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "p.json", PEOPLE_ND), Map.of());
        assertThat(t.names()).containsExactly("id", "name", "score", "active");
        assertThat(t.typeNames()).containsExactly("BIGINT", "VARCHAR", "DOUBLE", "BOOLEAN");
        assertThat(t.rows()).containsExactly(
                row("1", "Ann", "9.5", "true"),
                row("2", "Bob", "7.0", "false"),
                row("3", "Cy", null, "true"),
                row("4", "Di", "100.0", null));
        assertThat(t.estimatedRows()).isEqualTo(4);
    }

    @Test
    void topLevelArrayOfRecordsIsDetected() throws IOException {
        String json = """
                [
                  {"id": 1, "name": "Ann"},
                  {
                    "id": 2,
                    "name": "Bob"
                  }
                ]
                """;
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "a.json", json), Map.of());
        assertThat(t.typeNames()).containsExactly("BIGINT", "VARCHAR");
        assertThat(t.rows()).containsExactly(row("1", "Ann"), row("2", "Bob"));
        // The same file read with format = 'array' explicitly.
        assertThat(read(JsonFormat.auto(), write(dir, "b.json", json), Map.of("format", "array")).rows()).hasSize(2);
    }

    @Test
    void objectsBackToBackAcrossLines() throws IOException {
        String json = "{\"a\": 1}{\"a\": 2}\n{\n \"a\":\n 3\n}  {\"a\":4}";
        assertThat(read(JsonFormat.auto(), write(dir, "u.json", json), Map.of("format", "unstructured")).rows())
                .containsExactly(row("1"), row("2"), row("3"), row("4"));
        // Newline-delimited records may sit back to back on a line, but may not span lines.
        assertThat(read(JsonFormat.newlineDelimited(), write(dir, "v.json", "{\"a\": 1} {\"a\": 2}\n{\"a\": 3}"), Map.of()).rows())
                .containsExactly(row("1"), row("2"), row("3"));
        assertThatThrownBy(() -> read(JsonFormat.newlineDelimited(), write(dir, "w.json", json), Map.of()))
                .hasMessage("malformed JSON in w.json at line 2, column 2: expected the record to end on its line (format "
                        + "'newline_delimited' reads one record per line; format 'unstructured' reads records across lines), "
                        + "found the end of the line");
    }

    @Test
    void emptyArrayAndEmptyObjects() throws IOException {
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "e.json", "[{\"a\": 1}, {}, {\"a\": null}]"), Map.of());
        assertThat(t.rows()).containsExactly(row("1"), row((String) null), row((String) null));
    }

    @Test
    void unionOfKeysInFirstSeenOrderAndMissingKeysAreNull() throws IOException {
        String json = """
                {"a": 1}
                {"b": "x", "a": 2}
                {"c": true}
                """;
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "k.json", json), Map.of());
        assertThat(t.names()).containsExactly("a", "b", "c");
        assertThat(t.typeNames()).containsExactly("BIGINT", "VARCHAR", "BOOLEAN");
        assertThat(t.rows()).containsExactly(row("1", null, null), row("2", "x", null), row(null, null, "true"));
    }

    @Test
    void mixedTypesWiden() throws IOException {
        String json = """
                {"i": 1, "d": 1, "s": 1, "b": true, "n": null, "bi": 1}
                {"i": 2, "d": 2.5, "s": "two", "b": false, "n": null, "bi": 2.0}
                {"i": -3, "d": -1E-2, "s": 3.5, "b": 1, "n": null, "bi": 3}
                """;
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "w.json", json), Map.of());
        assertThat(t.names()).containsExactly("i", "d", "s", "b", "n", "bi");
        assertThat(t.typeNames()).containsExactly("BIGINT", "DOUBLE", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE");
        assertThat(t.rows()).containsExactly(
                row("1", "1.0", "1", "true", null, "1.0"),
                row("2", "2.5", "two", "false", null, "2.0"),
                row("-3", "-0.01", "3.5", "1", null, "3.0"));
    }

    @Test
    void nestedObjectsAndArraysAreCompactJsonText() throws IOException {
        String json = """
                {"id": 1, "tags": ["x", "y z", 3, true, null], "addr": {"city": "Oslo", "geo": {"lat": 59.9, "lon": 10.7}}}
                {"id": 2, "tags": [], "addr": { }}
                {"id": 3, "tags": [[1, [2]], {"k": "q\\"uote"}], "addr": null}
                """;
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "n.json", json), Map.of());
        assertThat(t.typeNames()).containsExactly("BIGINT", "VARCHAR", "VARCHAR");
        assertThat(t.rows()).containsExactly(
                row("1", "[\"x\",\"y z\",3,true,null]", "{\"city\":\"Oslo\",\"geo\":{\"lat\":59.9,\"lon\":10.7}}"),
                row("2", "[]", "{}"),
                row("3", "[[1,[2]],{\"k\":\"q\\\"uote\"}]", null));
    }

    @Test
    void stringEscapesAndUnicode() throws IOException {
        String json = "{\"s\": \"caf\\u00e9\"}\n"
                + "{\"s\": \"\\ud83d\\ude00 smile\"}\n"
                + "{\"s\": \"tab\\there\\nnew \\\"q\\\" \\\\ \\/\"}\n"
                + "{\"s\": \"raw UTF-8: æøå 日本 😀\"}\n"
                + "{\"caf\\u00e9\": 1}\n";
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "s.json", json), Map.of());
        assertThat(t.names()).containsExactly("s", "café");
        assertThat(t.rows()).containsExactly(
                row("café", null),
                row("\uD83D\uDE00 smile", null),
                row("tab\there\nnew \"q\" \\ /", null),
                row("raw UTF-8: æøå 日本 😀", null),
                row(null, "1"));
    }

    @Test
    void numbers() throws IOException {
        String json = """
                {"n": 0, "x": -0.0, "e": 1.5e3, "big": 9223372036854775807}
                {"n": -9223372036854775808, "x": 12.25, "e": 2E-3, "big": 123456789012345678901234567890}
                """;
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "num.json", json), Map.of());
        // An integer beyond BIGINT makes the column DOUBLE (Mallard has no HUGEINT); DECIMAL(38,0) reads it exactly.
        assertThat(t.typeNames()).containsExactly("BIGINT", "DOUBLE", "DOUBLE", "DOUBLE");
        assertThat(t.rows()).containsExactly(
                row("0", "-0.0", "1500.0", "9.223372036854776e+18"),
                row("-9223372036854775808", "12.25", "0.002", "1.2345678901234568e+29"));
        JsonTestFiles.Table exact = read(JsonFormat.auto(), write(dir, "num2.json", json),
                Map.of("columns", Map.of("big", "DECIMAL(38,0)")));
        assertThat(exact.rows()).containsExactly(row("9223372036854775807"), row("123456789012345678901234567890"));
    }

    @Test
    void isoDatesAndTimestampsAreDetected() throws IOException {
        String json = """
                {"d": "2024-01-31", "ts": "2024-01-31T10:20:30", "mixed": "2024-02-01", "word": "2024-01-31", "tz": "2024-03-01 08:00:00.5Z"}
                {"d": "1999-12-01", "ts": "2024-02-29 23:59:59.123456", "mixed": "2024-02-01 12:00:00", "word": "soon", "tz": null}
                """;
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "dt.json", json), Map.of());
        assertThat(t.typeNames()).containsExactly("DATE", "TIMESTAMP", "TIMESTAMP", "VARCHAR", "TIMESTAMP");
        assertThat(t.rows()).containsExactly(
                row("2024-01-31", "2024-01-31 10:20:30", "2024-02-01 00:00:00", "2024-01-31", "2024-03-01 08:00:00.5"),
                row("1999-12-01", "2024-02-29 23:59:59.123456", "2024-02-01 12:00:00", "soon", null));
    }

    @Test
    void timestampsWithAnOffsetStayText() throws IOException {
        String json = "{\"z\": \"2024-01-01T10:00:00Z\", \"o\": \"2024-01-01 10:00:00+02:00\", \"m\": \"2024-01-01T10:00:00-0500\"}";
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "tz.json", json), Map.of());
        assertThat(t.typeNames()).containsExactly("TIMESTAMP", "VARCHAR", "VARCHAR");
        assertThat(t.rows()).containsExactly(row("2024-01-01 10:00:00", "2024-01-01 10:00:00+02:00", "2024-01-01T10:00:00-0500"));
    }

    @Test
    void keysDifferingOnlyInCaseGetDistinctNames() throws IOException {
        String json = "{\"a\": 1, \"A\": 2, \"A_1\": 3}\n{\"A\": 4}";
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "case.json", json), Map.of());
        assertThat(t.names()).containsExactly("a", "A_1", "A_1_1");
        assertThat(t.rows()).containsExactly(row("1", "2", "3"), row(null, "4", null));
    }

    @Test
    void emptyFileIsOneEmptyJsonColumn() throws IOException {
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "empty.json", "  \n"), Map.of());
        assertThat(t.names()).containsExactly("json");
        assertThat(t.rows()).isEmpty();
        assertThat(t.estimatedRows()).isZero();
    }

    @Test
    void dateAndTimestampFormats() throws IOException {
        String json = """
                {"d": "31/01/2024", "ts": "01/31/2024 10:20 PM", "iso": "2024-01-31"}
                {"d": "01/12/1999", "ts": "12/01/1999 09:05 AM", "iso": "2024-02-01"}
                """;
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "f.json", json),
                Map.of("dateformat", "%d/%m/%Y", "timestampformat", "%m/%d/%Y %I:%M %p"));
        // With a dateformat, ISO strings are no longer dates (they do not match it) and stay VARCHAR.
        assertThat(t.typeNames()).containsExactly("DATE", "TIMESTAMP", "VARCHAR");
        assertThat(t.rows()).containsExactly(
                row("2024-01-31", "2024-01-31 22:20:00", "2024-01-31"),
                row("1999-12-01", "1999-12-01 09:05:00", "2024-02-01"));
    }

    @Test
    void columnsOptionChoosesColumnsAndTypes() throws IOException {
        FileInput f = write(dir, "c.json", PEOPLE_ND);
        JsonTestFiles.Table t = read(JsonFormat.auto(), f,
                Map.of("columns", new java.util.LinkedHashMap<>(Map.of("score", "DECIMAL(5,1)")) {{
                    put("id", "INTEGER");
                    put("name", "TEXT");
                    put("missing", "DATE");
                }}));
        assertThat(t.names()).containsExactly("score", "id", "name", "missing");
        assertThat(t.typeNames()).containsExactly("DECIMAL(5,1)", "INTEGER", "VARCHAR", "DATE");
        assertThat(t.rows()).containsExactly(
                row("9.5", "1", "Ann", null),
                row("7.0", "2", "Bob", null),
                row(null, "3", "Cy", null),
                row("100.0", "4", "Di", null));
    }

    @Test
    void valuesConvertToTheGivenColumnTypes() throws IOException {
        String json = """
                {"i": "42", "b": "yes", "d": 3, "s": {"x": 1}, "iv": "2 days", "r": 1.25}
                {"i": 2.5, "b": 0, "d": "4.5", "s": 7, "iv": "1 hour", "r": "2"}
                """;
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "cv.json", json), Map.of("columns",
                ordered("i", "SMALLINT", "b", "BOOLEAN", "d", "DOUBLE", "s", "VARCHAR", "iv", "INTERVAL", "r", "REAL")));
        assertThat(t.rows()).containsExactly(
                row("42", "true", "3.0", "{\"x\":1}", "2 days", "1.25"),
                row("3", "false", "4.5", "7", "01:00:00", "2.0"));
    }

    @Test
    void projectionReadsOnlyTheRequestedColumnsInTheRequestedOrder() throws IOException {
        FormatScan scan = JsonFormat.auto().bind(write(dir, "pr.json", PEOPLE_ND), ReadOptions.none(), null);
        JsonTestFiles.Table t = JsonTestFiles.readAll(scan, new int[] {3, 0}, Rejects.NONE);
        assertThat(t.names()).containsExactly("active", "id");
        assertThat(t.rows()).containsExactly(row("true", "1"), row("false", "2"), row("true", "3"), row(null, "4"));
        // No columns at all (count(*)) still yields one row per record.
        assertThat(JsonTestFiles.readAll(scan, new int[0], Rejects.NONE).rows()).hasSize(4);
    }

    @Test
    void gzipInput() throws IOException {
        FileInput f = JsonTestFiles.writeGzip(dir, "p.json.gz", PEOPLE_ND);
        JsonTestFiles.Table t = read(JsonFormat.newlineDelimited(), f, Map.of());
        assertThat(t.rows()).hasSize(4);
        assertThat(t.rows().get(0)).isEqualTo(row("1", "Ann", "9.5", "true"));
    }

    @Test
    void zipMember() throws IOException {
        Path zip = dir.resolve("people.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("other.txt"));
            out.write("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry("p.json"));
            out.write(("[" + PEOPLE_ND.strip().replace("\n", ",\n") + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        FileInput f = new FileInput("people.zip/p.json", zip, "p.json", FileInput.Compression.ZIP);
        JsonTestFiles.Table t = read(JsonFormat.auto(), f, Map.of());
        assertThat(t.rows()).hasSize(4);
        assertThat(t.rows().get(3)).isEqualTo(row("4", "Di", "100.0", null));
        assertThat(t.estimatedRows()).isEqualTo(4);
    }

    @Test
    void sampleSizeLimitsDetectionAndKeysSeenLaterAreIgnored() throws IOException {
        String json = """
                {"a": 1}
                {"a": 2}
                {"a": 3, "late": "x"}
                """;
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "ss.json", json), Map.of("sample_size", 2));
        assertThat(t.names()).containsExactly("a");
        assertThat(t.rows()).containsExactly(row("1"), row("2"), row("3"));
        assertThat(t.estimatedRows()).isGreaterThan(0);
        assertThat(read(JsonFormat.auto(), write(dir, "ss2.json", json), Map.of("sample_size", -1)).names())
                .containsExactly("a", "late");
    }

    @Test
    void recordsFalseReadsWholeValuesIntoOneColumn() throws IOException {
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "r.json", "{\"a\": 1}\n{\"a\": [2]}\n"), Map.of("records", false));
        assertThat(t.names()).containsExactly("json");
        assertThat(t.rows()).containsExactly(row("{\"a\":1}"), row("{\"a\":[2]}"));
        // Scalars at the top level are detected as values, not records.
        JsonTestFiles.Table s = read(JsonFormat.auto(), write(dir, "sc.json", "[1, 2, 3.5]"), Map.of());
        assertThat(s.names()).containsExactly("json");
        assertThat(s.typeNames()).containsExactly("DOUBLE");
        assertThat(s.rows()).containsExactly(row("1.0"), row("2.0"), row("3.5"));
    }

    @Test
    void duplicateKeysKeepTheLastValue() throws IOException {
        assertThat(read(JsonFormat.auto(), write(dir, "dup.json", "{\"a\": 1, \"a\": 2}"), Map.of()).rows()).containsExactly(row("2"));
    }

    @Test
    void byteOrderMarkAndCrLfLineEnds() throws IOException {
        JsonTestFiles.Table t = read(JsonFormat.auto(), write(dir, "bom.json", "\uFEFF{\"a\": 1}\r\n{\"a\": 2}\r\n"), Map.of());
        assertThat(t.rows()).containsExactly(row("1"), row("2"));
    }

    @Test
    void laterFilesOfAScanUseTheFirstFilesSchema() throws IOException {
        FormatScan first = JsonFormat.auto().bind(write(dir, "1.json", "{\"a\": 1, \"b\": \"x\"}"), ReadOptions.none(), null);
        FormatScan second = JsonFormat.auto().bind(write(dir, "2.json", "{\"b\": \"y\", \"c\": 5}"), ReadOptions.none(), first);
        assertThat(second.names()).containsExactly("a", "b");
        assertThat(JsonTestFiles.readAll(second, new int[] {0, 1}, Rejects.NONE).rows()).containsExactly(row(null, "y"));
    }

    @Test
    void manyRecordsAcrossBufferRefills() throws IOException {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 50_000; i++) {
            if (i > 0) sb.append(",\n");
            sb.append("{\"i\": ").append(i).append(", \"s\": \"value number ").append(i).append(" with \\u00e9\"}");
        }
        sb.append("]");
        FormatScan scan = JsonFormat.auto().bind(write(dir, "big.json", sb.toString()), ReadOptions.none(), null);
        JsonTestFiles.Table t = JsonTestFiles.readAll(scan, new int[] {0, 1}, Rejects.NONE);
        assertThat(t.rows()).hasSize(50_000);
        assertThat(t.rows().get(49_999)).isEqualTo(row("49999", "value number 49999 with é"));
        long sum = t.rows().stream().mapToLong(r -> Long.parseLong(r.get(0))).sum();
        assertThat(sum).isEqualTo(49_999L * 50_000 / 2);
    }

    static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
