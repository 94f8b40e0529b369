package dev.mallard.io.csv;

import static dev.mallard.io.csv.CsvFiles.bind;
import static dev.mallard.io.csv.CsvFiles.opts;
import static dev.mallard.io.csv.CsvFiles.plain;
import static dev.mallard.io.csv.CsvFiles.read;
import static dev.mallard.io.csv.CsvFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.io.FileInput;
import dev.mallard.io.ReadOptions;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadTest {
    @TempDir
    Path dir;

    private List<List<Object>> csv(String content, Object... options) throws Exception {
        return read(plain(dir, "f.csv", content), opts(options));
    }

    private static int date(int y, int m, int d) {
        return (int) DateTimes.daysFromCivil(y, m, d);
    }

    @Test
    void rfc4180Quoting() throws Exception {
        String text = "a,b\n\"x,y\",1\n\"he said \"\"hi\"\"\",2\n\"two\nlines\",3\n\"\",4\n\"crlf\r\ninside\",5";
        assertThat(csv(text)).containsExactly(row("x,y", 1L), row("he said \"hi\"", 2L), row("two\nlines", 3L),
                row(null, 4L), row("crlf\r\ninside", 5L));
    }

    @Test
    void trailingNewlineOrNotAndEmptyLastField() throws Exception {
        assertThat(csv("a,b\n1,2")).containsExactly(row(1L, 2L));
        assertThat(csv("a,b\n1,2\n")).containsExactly(row(1L, 2L));
        assertThat(csv("a,b\n1,\n")).containsExactly(row(1L, null));
        assertThat(csv("a,b\n1,")).containsExactly(row(1L, null));
        assertThat(csv("a,b\n1,2\n\n3,4\n\n")).containsExactly(row(1L, 2L), row(3L, 4L));
    }

    @Test
    void emptyFileAndHeaderOnly() throws Exception {
        CsvFileScan empty = bind(plain(dir, "e.csv", ""), ReadOptions.none());
        assertThat(empty.names()).hasSize(1);
        assertThat(CsvFiles.rows(empty)).isEmpty();
        CsvFileScan headerOnly = bind(plain(dir, "h.csv", "a,b\n"), opts("header", true));
        assertThat(headerOnly.names()).containsExactly("a", "b");
        assertThat(CsvFiles.rows(headerOnly)).isEmpty();
    }

    @Test
    void firstRowLongerThanTheSniffSample() throws Exception {
        String big = "y".repeat(1_200_000);
        assertThat(csv("a,b\n1," + big + "\n", "header", true, "types", List.of("BIGINT", "VARCHAR"), "max_line_size", 5_000_000L))
                .containsExactly(row(1L, big));
        assertThat(csv(big + ",x\n", "max_line_size", 5_000_000L, "header", false)).containsExactly(row(big, "x"));
    }

    @Test
    void valuesConvertToEveryType() throws Exception {
        String text = "i,d,b,dt,ts,s\n-9223372036854775808,-1.25e-3,TRUE,2024-02-29,2024-02-29 13:14:15.123456,héllo\n"
                + "9223372036854775807,0.1,false,1970-01-01,1970-01-01T00:00:00Z,\"\"\n";
        assertThat(csv(text)).containsExactly(
                row(Long.MIN_VALUE, -1.25e-3, true, date(2024, 2, 29),
                        date(2024, 2, 29) * DateTimes.MICROS_PER_DAY + 13 * DateTimes.MICROS_PER_HOUR + 14 * DateTimes.MICROS_PER_MINUTE
                                + 15 * DateTimes.MICROS_PER_SECOND + 123456, "héllo"),
                row(Long.MAX_VALUE, 0.1, false, 0, 0L, null));
    }

    @Test
    void doublesMatchJavaParsing() throws Exception {
        String[] values = {"0.1", "123456789.123456789", "1e308", "4.9e-324", "-0.0", "3.141592653589793", "1E5", "+7.5", ".5", "5."};
        StringBuilder sb = new StringBuilder("x\n");
        for (String v : values) sb.append(v).append('\n');
        List<List<Object>> rows = csv(sb.toString());
        for (int i = 0; i < values.length; i++) assertThat(rows.get(i).get(0)).isEqualTo(Double.parseDouble(values[i]));
    }

    @Test
    void columnsOptionGivesNamesAndTypes() throws Exception {
        FileInput f = plain(dir, "c.csv", "1,2.50,2020-01-01\n2,3.25,2020-01-02\n");
        CsvFileScan s = bind(f, opts("columns", Map.of("k", "INTEGER")));
        assertThat(s.names()).containsExactly("k");
        CsvFileScan s2 = bind(f, opts("columns", new java.util.LinkedHashMap<>(Map.of("k", "INTEGER"))
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                        (a, b) -> a, java.util.LinkedHashMap::new))));
        assertThat(s2.types()).containsExactly(LogicalType.INTEGER);
        java.util.LinkedHashMap<String, Object> cols = new java.util.LinkedHashMap<>();
        cols.put("k", "INTEGER");
        cols.put("amount", "DECIMAL(10,2)");
        cols.put("day", "VARCHAR");
        CsvFileScan s3 = bind(f, opts("columns", cols));
        assertThat(s3.names()).containsExactly("k", "amount", "day");
        assertThat(s3.types()).containsExactly(LogicalType.INTEGER, LogicalType.decimal(10, 2), LogicalType.VARCHAR);
        assertThat(CsvFiles.rows(s3)).containsExactly(row(1, 250L, "2020-01-01"), row(2, 325L, "2020-01-02"));
    }

    @Test
    void typesByPositionAndByNameAndNames() throws Exception {
        String text = "a,b,c\n1,2,3\n";
        CsvFileScan byPos = bind(plain(dir, "t.csv", text), opts("types", List.of("VARCHAR", "DOUBLE")));
        assertThat(byPos.types()).containsExactly(LogicalType.VARCHAR, LogicalType.DOUBLE, LogicalType.BIGINT);
        assertThat(CsvFiles.rows(byPos)).containsExactly(row("1", 2.0, 3L));
        CsvFileScan byName = bind(plain(dir, "t.csv", text), opts("dtypes", Map.of("c", "SMALLINT")));
        assertThat(byName.types()).containsExactly(LogicalType.BIGINT, LogicalType.BIGINT, LogicalType.SMALLINT);
        assertThatThrownBy(() -> bind(plain(dir, "t.csv", text), opts("types", Map.of("cc", "INTEGER"))))
                .isInstanceOf(MallardException.class).hasMessageContaining("\"cc\"").hasMessageContaining("\"c\"");
        CsvFileScan named = bind(plain(dir, "t.csv", text), opts("names", List.of("x", "y")));
        assertThat(named.names()).containsExactly("x", "y", "c");
        CsvFileScan named2 = bind(plain(dir, "t.csv", text), opts("column_names", List.of("x", "x")));
        assertThat(named2.names()).containsExactly("x", "x_1", "c");
    }

    @Test
    void nullStrings() throws Exception {
        assertThat(csv("a,b\nNA,x\n1,NULL\n", "nullstr", List.of("NA", "NULL"))).containsExactly(row(null, "x"), row(1L, null));
        // With nullstr given, an empty text field is an empty string, but an empty number is still NULL.
        assertThat(csv("a,b\n,\n1,y\n", "nullstr", "NA")).containsExactly(row(null, ""), row(1L, "y"));
        assertThat(csv("a\n\"NA\"\nNA\nx\n", "nullstr", "NA", "allow_quoted_nulls", false)).containsExactly(row("NA"), row((Object) null), row("x"));
    }

    @Test
    void dateAndTimestampFormatOptions() throws Exception {
        assertThat(csv("d,t\n05.03.2021,2021/03/05 07:08\n", "dateformat", "%d.%m.%Y", "timestampformat", "%Y/%m/%d %H:%M"))
                .containsExactly(row(date(2021, 3, 5), date(2021, 3, 5) * DateTimes.MICROS_PER_DAY + 7 * DateTimes.MICROS_PER_HOUR
                        + 8 * DateTimes.MICROS_PER_MINUTE));
        assertThat(csv("d\n03/05/2021\n", "types", List.of("DATE"), "dateformat", "%d/%m/%Y")).containsExactly(row(date(2021, 5, 3)));
        assertThatThrownBy(() -> csv("d\n1\n", "dateformat", "%Q")).hasMessageContaining("%Q");
    }

    @Test
    void allVarcharAndAutoDetectOff() throws Exception {
        assertThat(csv("a,b\n1,2\n", "all_varchar", true)).containsExactly(row("1", "2"));
        // auto_detect=false: comma, double quote, no header, text columns
        assertThat(csv("a;b\n1;2\n", "auto_detect", false)).containsExactly(row("a;b"), row("1;2"));
        assertThat(csv("a;b\n1;2\n", "auto_detect", false, "delim", ";", "header", true, "types", List.of("BIGINT", "BIGINT")))
                .containsExactly(row(1L, 2L));
    }

    @Test
    void delimQuoteEscapeSkipNewLineOptions() throws Exception {
        assertThat(csv("junk\na|b\n1|'x|y'\n", "sep", "|", "quote", "'", "skip", 1L, "header", true)).containsExactly(row(1L, "x|y"));
        assertThat(csv("a,b\n1,\"x\\\"y\"\n", "escape", "\\")).containsExactly(row(1L, "x\"y"));
        assertThat(csv("a\tb\n1\t2\n", "delim", "\\t")).containsExactly(row(1L, 2L));
        assertThat(csv("a,b\r\n1,2\r\n", "new_line", "\\r\\n")).containsExactly(row(1L, 2L));
        assertThat(csv("a,b\n\"1\",2\n", "quote", "")).containsExactly(row("\"1\"", 2L));
    }

    @Test
    void decimalSeparatorAndNormalizeNames() throws Exception {
        assertThat(csv("a;b\n1,5;2\n", "delim", ";", "decimal_separator", ",")).containsExactly(row(1.5, 2L));
        CsvFileScan s = bind(plain(dir, "n.csv", "First Name,2nd,Ünïcode!\nx,1,y\n"), opts("normalize_names", true));
        assertThat(s.names()).containsExactly("first_name", "_2nd", "ünïcode_");
    }

    @Test
    void maxLineSize() throws Exception {
        String text = "a\n" + "x".repeat(100) + "\nshort\n";
        assertThatThrownBy(() -> csv(text, "max_line_size", 50L, "header", true, "types", List.of("VARCHAR")))
                .hasMessageContaining("max_line_size=50");
        CsvFiles.Collected rejects = new CsvFiles.Collected();
        CsvFileScan s = bind(plain(dir, "m.csv", text), opts("max_line_size", 50L, "header", true, "types", List.of("VARCHAR"),
                "store_rejects", true));
        assertThat(CsvFiles.rows(s, s.splits(1, List.of()), rejects)).containsExactly(row("short"));
        assertThat(rejects.rows).hasSize(1);
        assertThat(rejects.rows.get(0)).startsWith("LINE_SIZE_OVER_MAXIMUM|2|");
    }

    @Test
    void unknownOptionsAndBadValuesFail() throws Exception {
        assertThatThrownBy(() -> csv("a\n1\n", "delimm", ";")).hasMessageContaining("unknown option \"delimm\"").hasMessageContaining("delim");
        assertThatThrownBy(() -> csv("a\n1\n", "delim", ";;")).hasMessageContaining("one ASCII character");
        assertThatThrownBy(() -> csv("a\n1\n", "types", List.of("BIGINTT"))).hasMessageContaining("BIGINTT");
        assertThatThrownBy(() -> csv("a\n1\n", "header", "maybe")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> csv("a\n1\n", "sample_size", 0L)).hasMessageContaining("sample_size");
        assertThatThrownBy(() -> csv("a\n1\n", "encoding", "latin-1")).hasMessageContaining("latin-1");
        assertThat(csv("a\n1\n", "encoding", "UTF-8")).containsExactly(row(1L));
    }

    @Test
    void castFallbackFollowsSqlCast() throws Exception {
        assertThat(csv("a,b,c\n0x1F,1_000,1.5\n", "types", List.of("BIGINT", "INTEGER", "DECIMAL(4,1)")))
                .containsExactly(row(31L, 1000, 15L));
        assertThat(csv("a\n12345678901234567890.5\n", "types", List.of("DECIMAL(38,1)")))
                .containsExactly(row(new BigInteger("123456789012345678905")));
        assertThat(csv("a\n2 days\n", "types", List.of("INTERVAL")).get(0).get(0).toString()).contains("2");
    }

    @Test
    void decimals() throws Exception {
        assertThat(csv("a\n1.25\n-1.255\n+3\n.5\n1e2\n", "types", List.of("DECIMAL(8,2)")))
                .containsExactly(row(125L), row(-126L), row(300L), row(50L), row(10000L));
        assertThat(csv("a;b\n1,5;x\n", "delim", ";", "decimal_separator", ",", "types", List.of("DECIMAL(4,1)")))
                .containsExactly(row(15L, "x"));
        assertThatThrownBy(() -> csv("a\n123456.7\n", "types", List.of("DECIMAL(4,1)")))
                .hasMessageContaining("\"123456.7\" to DECIMAL(4,1)");
    }

    @Test
    void badValueErrorNamesFileLineColumnTypeTextAndFix() throws Exception {
        String text = "id,amount\n1,10\n2,\"ab\ncd\"\n3,x\n";
        assertThatThrownBy(() -> csv(text, "types", Map.of("amount", "BIGINT")))
                .isInstanceOf(MallardException.Data.class)
                .hasMessageContaining("f.csv")
                .hasMessageContaining("line 3")
                .hasMessageContaining("column 2 (\"amount\")")
                .hasMessageContaining("\"ab\ncd\"")
                .hasMessageContaining("BIGINT")
                .hasMessageContaining("types={'amount': 'VARCHAR'}")
                .hasMessageContaining("ignore_errors=true");
        assertThatThrownBy(() -> csv("n,d\n1,2020-01-01\n2,2020-02-30\n", "types", Map.of("d", "DATE")))
                .hasMessageContaining("line 3").hasMessageContaining("\"2020-02-30\" to DATE");
        assertThatThrownBy(() -> csv("n,d\n1,01.02.2020\n2,31.02.2020\n", "types", Map.of("d", "DATE"), "dateformat", "%d.%m.%Y"))
                .hasMessageContaining("with format '%d.%m.%Y'").hasMessageContaining("dateformat");
    }

    @Test
    void lineNumbersCountQuotedNewlines() throws Exception {
        String text = "id,amount\n\"a\nb\",1\n\"c\",2\n3,x\n";
        assertThatThrownBy(() -> csv(text, "types", List.of("VARCHAR", "BIGINT"))).hasMessageContaining("line 5")
                .hasMessageContaining("column 2");
    }

    @Test
    void lineNumbersCountSkippedLinesHeaderAndBom() throws Exception {
        String text = "\uFEFFtitle line\r\na,b\r\n1,2\r\n\r\n3,x\r\n";
        assertThatThrownBy(() -> csv(text, "skip", 1L, "header", true, "types", List.of("BIGINT", "BIGINT")))
                .hasMessageContaining("line 5").hasMessageContaining("column 2 (\"b\")").hasMessageContaining("\"x\"");
    }

    @Test
    void ignoreErrorsAndRejects() throws Exception {
        String text = "a,b\n1,x\n2\n3,y,z\nq,w\n5,v\n";
        CsvFileScan s = bind(plain(dir, "r.csv", text), opts("types", List.of("BIGINT", "VARCHAR"), "header", true, "store_rejects", true));
        CsvFiles.Collected rejects = new CsvFiles.Collected();
        assertThat(CsvFiles.rows(s, s.splits(1, List.of()), rejects)).containsExactly(row(1L, "x"), row(5L, "v"));
        assertThat(rejects.rows).hasSize(3);
        assertThat(rejects.rows.get(0)).startsWith("MISSING_COLUMNS|3|-1|null|2|");
        assertThat(rejects.rows.get(1)).startsWith("TOO_MANY_COLUMNS|4|-1|null|3,y,z|");
        assertThat(rejects.rows.get(2)).startsWith("CAST|5|1|a|q,w|").contains("could not convert \"q\" to BIGINT");
        // ignore_errors with no rejects sink: the bad rows are skipped
        assertThat(csv(text, "types", List.of("BIGINT", "VARCHAR"), "header", true, "ignore_errors", true))
                .containsExactly(row(1L, "x"), row(5L, "v"));
    }

    @Test
    void raggedRows() throws Exception {
        String text = "a,b,c\n1,2,3\n4,5\n6\n";
        assertThatThrownBy(() -> csv(text, "header", true)).hasMessageContaining("line 3").hasMessageContaining("expected 3 fields but found 2")
                .hasMessageContaining("null_padding=true");
        assertThat(csv(text, "null_padding", true, "header", true)).containsExactly(row(1L, 2L, 3L), row(4L, 5L, null), row(6L, null, null));
        String extra = "a,b\n1,2\n3,4,5\n";
        assertThatThrownBy(() -> csv(extra, "header", true)).hasMessageContaining("expected 2 fields but found 3")
                .hasMessageContaining("strict_mode=false");
        assertThat(csv(extra, "header", true, "strict_mode", false)).containsExactly(row(1L, 2L), row(3L, 4L));
    }

    @Test
    void quoteErrors() throws Exception {
        assertThatThrownBy(() -> csv("a,b\n1,\"ab\"cd\n", "header", true, "quote", "\"", "delim", ","))
                .hasMessageContaining("after its closing quote").hasMessageContaining("line 2");
        assertThat(csv("a,b\n1,\"ab\"cd\n", "header", true, "quote", "\"", "delim", ",", "strict_mode", false))
                .containsExactly(row(1L, "\"ab\"cd"));
        assertThatThrownBy(() -> csv("a,b\n1,\"open\n2,x\n", "header", true, "quote", "\"", "delim", ","))
                .hasMessageContaining("not closed");
    }

    @Test
    void invalidUtf8IsAnErrorOrAReject() throws Exception {
        byte[] bytes = {'a', ',', 'b', '\n', '1', ',', 'o', 'k', '\n', '2', ',', (byte) 0xC3, (byte) 0x28, '\n', '3', ',', (byte) 0xC3,
            (byte) 0xA9, '\n'};
        FileInput f = plain(dir, "u.csv", bytes);
        assertThatThrownBy(() -> read(f, opts("header", true, "types", List.of("BIGINT", "VARCHAR"))))
                .hasMessageContaining("line 3").hasMessageContaining("invalid UTF-8").hasMessageContaining("column 2");
        CsvFileScan s = bind(f, opts("header", true, "types", List.of("BIGINT", "VARCHAR"), "store_rejects", true));
        CsvFiles.Collected rejects = new CsvFiles.Collected();
        assertThat(CsvFiles.rows(s, s.splits(1, List.of()), rejects)).containsExactly(row(1L, "ok"), row(3L, "é"));
        assertThat(rejects.rows).hasSize(1);
        assertThat(rejects.rows.get(0)).startsWith("INVALID_UNICODE|3|2|b|");
    }

    @Test
    void projectionReadsOnlyAskedColumns() throws Exception {
        CsvFileScan s = bind(plain(dir, "p.csv", "a,b,c\n1,x,2.5\n2,y,3.5\n"), ReadOptions.none());
        dev.mallard.vector.DataChunk chunk = new dev.mallard.vector.DataChunk(List.of(LogicalType.DOUBLE, LogicalType.BIGINT));
        try (var r = s.open(s.splits(1, List.of()).get(0), new int[] {2, 0}, List.of(), dev.mallard.io.Rejects.NONE)) {
            assertThat(r.next(chunk)).isTrue();
            assertThat(chunk.count()).isEqualTo(2);
            assertThat(chunk.getObject(0, 1)).isEqualTo(3.5);
            assertThat(chunk.getObject(1, 1)).isEqualTo(2L);
            chunk.reset();
            assertThat(r.next(chunk)).isFalse();
        }
    }

    @Test
    void laterFilesFollowTheFirst() throws Exception {
        FileInput a = plain(dir, "a.csv", "x;y\n1;2020-01-01\n");
        FileInput b = plain(dir, "b.csv", "x;y\n2;2021-01-01\n3;2022-01-01\n");
        FileInput bad = plain(dir, "c.csv", "x;z\n2;3\n");
        CsvFileScan first = bind(a, ReadOptions.none());
        var second = CsvFormat.INSTANCE.bind(b, ReadOptions.none(), first);
        assertThat(second.types()).containsExactly(LogicalType.BIGINT, LogicalType.DATE);
        assertThat(CsvFiles.rows(second)).containsExactly(row(2L, date(2021, 1, 1)), row(3L, date(2022, 1, 1)));
        assertThatThrownBy(() -> CsvFormat.INSTANCE.bind(bad, ReadOptions.none(), first))
                .hasMessageContaining("c.csv").hasMessageContaining("(x, z)").hasMessageContaining("a.csv");
        CsvFileScan noHeader = bind(plain(dir, "d.csv", "1,2\n3,4\n"), ReadOptions.none());
        assertThat(CsvFiles.rows(CsvFormat.INSTANCE.bind(plain(dir, "e.csv", "5,6\n"), ReadOptions.none(), noHeader)))
                .containsExactly(row(5L, 6L));
        assertThatThrownBy(() -> CsvFormat.INSTANCE.bind(plain(dir, "g.csv", "5,6,7\n"), ReadOptions.none(), noHeader))
                .hasMessageContaining("g.csv has 3 columns").hasMessageContaining("d.csv");
    }
}
