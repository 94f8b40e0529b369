package dev.mallard.io.csv;

import static dev.mallard.io.csv.CsvFiles.opts;
import static dev.mallard.io.csv.CsvFiles.plain;
import static dev.mallard.io.csv.CsvFiles.read;
import static dev.mallard.io.csv.CsvFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.io.FileInput;
import dev.mallard.io.ReadOptions;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSnifferTest {
    @TempDir
    Path dir;

    private CsvSniffResult sniff(String content) throws Exception {
        return CsvFormat.sniff(plain(dir, "f.csv", content), ReadOptions.none());
    }

    @Test
    void detectsCommaHeaderAndTypes() throws Exception {
        CsvSniffResult r = sniff("id,name,score,ok,day,at\n1,ann,1.5,true,2020-01-02,2020-01-02 10:11:12\n"
                + "2,bob,2,false,2021-12-31,2021-12-31T23:59:59.5\n");
        assertThat(r.delimiter()).isEqualTo(",");
        assertThat(r.quote()).isEqualTo("\"");
        assertThat(r.hasHeader()).isTrue();
        assertThat(r.names()).containsExactly("id", "name", "score", "ok", "day", "at");
        assertThat(r.types()).containsExactly(LogicalType.BIGINT, LogicalType.VARCHAR, LogicalType.DOUBLE, LogicalType.BOOLEAN,
                LogicalType.DATE, LogicalType.TIMESTAMP);
        assertThat(r.newLine()).isEqualTo("\n");
        assertThat(r.skipRows()).isZero();
        assertThat(r.prompt()).isEqualTo("FROM read_csv('f.csv', auto_detect=false, delim=',', quote='\"', escape='\"', new_line='\\n', "
                + "skip=0, header=true, columns={'id': 'BIGINT', 'name': 'VARCHAR', 'score': 'DOUBLE', 'ok': 'BOOLEAN', "
                + "'day': 'DATE', 'at': 'TIMESTAMP'});");
    }

    @Test
    void detectsOtherDelimiters() throws Exception {
        assertThat(sniff("a;b;c\n1;2;3\n4;5;6\n").delimiter()).isEqualTo(";");
        assertThat(sniff("a|b\nx|1\ny|2\n").delimiter()).isEqualTo("|");
        CsvSniffResult tab = sniff("a\tb\n1,5\t2\n3,5\t4\n");
        assertThat(tab.delimiter()).isEqualTo("\t");
        assertThat(tab.types()).containsExactly(LogicalType.VARCHAR, LogicalType.BIGINT);
        assertThat(tab.prompt()).contains("delim='\\t'");
    }

    @Test
    void quotedDelimitersDecideTheQuote() throws Exception {
        CsvSniffResult r = sniff("a,b\n'x, y',1\n'p, q',2\n'z',3\n");
        assertThat(r.quote()).isEqualTo("'");
        assertThat(r.names()).containsExactly("a", "b");
        assertThat(read(plain(dir, "q.csv", "a,b\n'x, y',1\n'p, q',2\n"), ReadOptions.none()))
                .containsExactly(row("x, y", 1L), row("p, q", 2L));
    }

    @Test
    void backslashEscapeIsDetected() throws Exception {
        String text = "a,b\n\"say \\\"hi\\\"\",1\n\"x\",2\n";
        CsvSniffResult r = sniff(text);
        assertThat(r.escape()).isEqualTo("\\");
        assertThat(read(plain(dir, "e.csv", text), ReadOptions.none())).containsExactly(row("say \"hi\"", 1L), row("x", 2L));
    }

    @Test
    void headerlessNumericFileGetsNumberedColumns() throws Exception {
        CsvSniffResult r = sniff("1,2.5,x\n3,4,y\n");
        assertThat(r.hasHeader()).isFalse();
        assertThat(r.names()).containsExactly("column0", "column1", "column2");
        assertThat(r.types()).containsExactly(LogicalType.BIGINT, LogicalType.DOUBLE, LogicalType.VARCHAR);
        CsvSniffResult wide = sniff("1,2,3,4,5,6,7,8,9,10,11\n1,2,3,4,5,6,7,8,9,10,11\n");
        assertThat(wide.names()).startsWith("column00", "column01").endsWith("column10");
    }

    @Test
    void headerNamesAreTrimmedNumberedAndDeduplicated() throws Exception {
        CsvSniffResult r = sniff(" a ,,a,a_1,a\n1,2,3,4,5\n");
        assertThat(r.names()).containsExactly("a", "column1", "a_2", "a_1", "a_3");
    }

    @Test
    void allTextFileWithDistinctFirstRowHasHeader() throws Exception {
        CsvSniffResult r = sniff("city,country\nParis,France\nLyon,France\n");
        assertThat(r.hasHeader()).isTrue();
        assertThat(r.types()).containsExactly(LogicalType.VARCHAR, LogicalType.VARCHAR);
    }

    @Test
    void leadingJunkLinesAreSkipped() throws Exception {
        String text = "Sales report\nexported by tool\na,b,c\n1,2,3\n4,5,6\n7,8,9\n";
        CsvSniffResult r = sniff(text);
        assertThat(r.skipRows()).isEqualTo(2);
        assertThat(r.hasHeader()).isTrue();
        assertThat(r.names()).containsExactly("a", "b", "c");
        assertThat(read(plain(dir, "j.csv", text), ReadOptions.none())).containsExactly(row(1L, 2L, 3L), row(4L, 5L, 6L), row(7L, 8L, 9L));
    }

    @Test
    void typeOrderAndEmptyColumns() throws Exception {
        CsvSniffResult r = sniff("b,i,d,t,e,big\nT,1,1,x,,99999999999999999999\nf,-2,1e3,1,,1\n");
        assertThat(r.types()).containsExactly(LogicalType.BOOLEAN, LogicalType.BIGINT, LogicalType.DOUBLE, LogicalType.VARCHAR,
                LogicalType.VARCHAR, LogicalType.DOUBLE);
        // 0 and 1 are numbers, not booleans
        assertThat(sniff("x\n0\n1\n").types()).containsExactly(LogicalType.BIGINT);
    }

    @Test
    void dateFormatsAreDecidedByTheValues() throws Exception {
        CsvSniffResult us = sniff("d\n01/02/2020\n12/31/2020\n");
        assertThat(us.types()).containsExactly(LogicalType.DATE);
        assertThat(us.dateFormat()).isEqualTo("%m/%d/%Y");
        CsvSniffResult eu = sniff("d\n01/02/2020\n31/12/2020\n");
        assertThat(eu.dateFormat()).isEqualTo("%d/%m/%Y");
        assertThat(eu.prompt()).contains("dateformat='%d/%m/%Y'");
        FileInput f = plain(dir, "eu.csv", "d\n01/02/2020\n31/12/2020\n");
        assertThat(read(f, ReadOptions.none())).containsExactly(row((int) DateTimes.daysFromCivil(2020, 2, 1)),
                row((int) DateTimes.daysFromCivil(2020, 12, 31)));
        CsvSniffResult dots = sniff("d\n24.12.2019\n1.1.2020\n");
        assertThat(dots.dateFormat()).isEqualTo("%d.%m.%Y");
        assertThat(sniff("d\n2019/12/24\n").dateFormat()).isEqualTo("%Y/%m/%d");
        assertThat(sniff("d\n2019-12-24\n").dateFormat()).isEqualTo("%Y-%m-%d");
        assertThat(sniff("d\n2019-13-24\n").types()).containsExactly(LogicalType.VARCHAR);
    }

    @Test
    void timestampFormats() throws Exception {
        CsvSniffResult r = sniff("t\n12/31/2020 23:10:05\n01/02/2021 00:00:00\n");
        assertThat(r.types()).containsExactly(LogicalType.TIMESTAMP);
        assertThat(r.timestampFormat()).isEqualTo("%m/%d/%Y %H:%M:%S");
        List<List<Object>> rows = read(plain(dir, "t.csv", "t\n12/31/2020 23:10:05\n"), ReadOptions.none());
        assertThat(rows).containsExactly(row(DateTimes.daysFromCivil(2020, 12, 31) * DateTimes.MICROS_PER_DAY
                + 23 * DateTimes.MICROS_PER_HOUR + 10 * DateTimes.MICROS_PER_MINUTE + 5 * DateTimes.MICROS_PER_SECOND));
        CsvSniffResult ampm = sniff("t\n12/31/2020 11:10:05 PM\n");
        assertThat(ampm.timestampFormat()).isEqualTo("%m/%d/%Y %I:%M:%S %p");
    }

    @Test
    void datesMixedWithTimestampsAreTimestamps() throws Exception {
        CsvSniffResult r = sniff("t,n\n2020-01-01,1\n2020-01-02 10:30:00,2\n");
        assertThat(r.types()).containsExactly(LogicalType.TIMESTAMP, LogicalType.BIGINT);
        List<List<Object>> rows = read(plain(dir, "m.csv", "t,n\n2020-01-01,1\n2020-01-02 10:30:00,2\n"), ReadOptions.none());
        long day = DateTimes.daysFromCivil(2020, 1, 1) * DateTimes.MICROS_PER_DAY;
        assertThat(rows).containsExactly(row(day, 1L), row(day + DateTimes.MICROS_PER_DAY + 10 * DateTimes.MICROS_PER_HOUR
                + 30 * DateTimes.MICROS_PER_MINUTE, 2L));
    }

    @Test
    void crlfAndCrNewLinesAndBom() throws Exception {
        assertThat(sniff("a,b\r\n1,2\r\n").newLine()).isEqualTo("\r\n");
        assertThat(sniff("a,b\r1,2\r3,4").newLine()).isEqualTo("\r");
        FileInput bom = plain(dir, "bom.csv", "\uFEFFa,b\r\n1,x\r\n2,y");
        CsvFileScan s = CsvFiles.bind(bom, ReadOptions.none());
        assertThat(s.names()).containsExactly("a", "b");
        assertThat(CsvFiles.rows(s)).containsExactly(row(1L, "x"), row(2L, "y"));
        assertThat(read(plain(dir, "cr.csv", "a,b\r1,x\r2,y\r"), ReadOptions.none())).containsExactly(row(1L, "x"), row(2L, "y"));
    }

    @Test
    void sampleSpreadThroughThePlainFileSeesLateText() throws Exception {
        // Text only in the second half: the first 1000 rows alone would say BIGINT.
        StringBuilder wide = new StringBuilder("n,v\n");
        for (int i = 0; i < 200_000; i++) wide.append(i).append(',').append(i > 100_000 ? "t" + i : Integer.toString(i)).append('\n');
        CsvSniffResult w = CsvFormat.sniff(plain(dir, "wide.csv", wide.toString()), opts("sample_size", 1000L));
        assertThat(w.types()).containsExactly(LogicalType.BIGINT, LogicalType.VARCHAR);
        // One odd value is found by sampling the whole file (sample_size=-1), and missed by a small sample.
        StringBuilder one = new StringBuilder("n,v\n");
        for (int i = 0; i < 200_000; i++) one.append(i).append(',').append(i == 150_000 ? "oops" : Integer.toString(i)).append('\n');
        FileInput f = plain(dir, "one.csv", one.toString());
        assertThat(CsvFormat.sniff(f, opts("sample_size", -1L)).types()).containsExactly(LogicalType.BIGINT, LogicalType.VARCHAR);
        assertThat(CsvFormat.sniff(f, opts("sample_size", 100L)).types()).containsExactly(LogicalType.BIGINT, LogicalType.BIGINT);
    }

    @Test
    void givenOptionsOverrideTheSniffer() throws Exception {
        CsvSniffResult r = CsvFormat.sniff(plain(dir, "o.csv", "1;2\n3;4\n"), opts("delim", ";", "header", true));
        assertThat(r.hasHeader()).isTrue();
        assertThat(r.names()).containsExactly("1", "2");
        assertThat(r.types()).containsExactly(LogicalType.BIGINT, LogicalType.BIGINT);
    }
}
