package dev.mallard.sqllogictest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueRenderingTest {

    private static final ResultTable.Column ANY = new ResultTable.Column("c", "VARCHAR", Types.VARCHAR, 0);

    @Test
    void doublesPrintLikeDuckDb() {
        assertThat(DuckDbText.formatDouble(1.0)).isEqualTo("1.0");
        assertThat(DuckDbText.formatDouble(0.1)).isEqualTo("0.1");
        assertThat(DuckDbText.formatDouble(1e15)).isEqualTo("1000000000000000.0");
        assertThat(DuckDbText.formatDouble(1e16)).isEqualTo("1e+16");
        assertThat(DuckDbText.formatDouble(1e20)).isEqualTo("1e+20");
        assertThat(DuckDbText.formatDouble(0.0001)).isEqualTo("0.0001");
        assertThat(DuckDbText.formatDouble(0.00001)).isEqualTo("1e-05");
        assertThat(DuckDbText.formatDouble(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(DuckDbText.formatDouble(-0.0)).isEqualTo("-0.0");
        assertThat(DuckDbText.formatDouble(Double.NaN)).isEqualTo("nan");
        assertThat(DuckDbText.formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(DuckDbText.formatFloat(0.1f)).isEqualTo("0.1");
        assertThat(DuckDbText.formatFloat(3.4e38f)).isEqualTo("3.4e+38");
        assertThat(DuckDbText.formatFloat(1.5e-7f)).isEqualTo("1.5e-07");
    }

    @Test
    void temporalValuesAndBlobsPrintLikeDuckDb() {
        assertThat(DuckDbText.formatDate(LocalDate.of(2020, 1, 2))).isEqualTo("2020-01-02");
        assertThat(DuckDbText.formatDate(LocalDate.of(-44, 3, 15))).isEqualTo("0045-03-15 (BC)");
        assertThat(DuckDbText.formatTimestamp(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 500_000_000)))
                .isEqualTo("2020-01-02 03:04:05.5");
        assertThat(DuckDbText.formatTime(LocalTime.of(10, 0))).isEqualTo("10:00:00");
        OffsetDateTime tz = OffsetDateTime.of(2020, 1, 1, 21, 34, 5, 123_000_000, ZoneOffset.UTC);
        assertThat(DuckDbText.render(tz, ANY, false)).isEqualTo("2020-01-01 21:34:05.123+00");
        assertThat(DuckDbText.formatOffset(ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo("+05:30");
        assertThat(DuckDbText.formatBlob(new byte[] {(byte) 0xAA, 'A', '\'', '\\', '"', '~', 0x7f, ' ', '\n'}))
                .isEqualTo("\\xAAA\\x27\\x5C\\x22~\\x7F \\x0A");
    }

    @Test
    void decimalsTakeTheColumnScaleAndEmptyTextIsMarked() {
        ResultTable.Column dec = new ResultTable.Column("d", "DECIMAL(10,3)", Types.DECIMAL, 3);
        assertThat(DuckDbText.render(new BigDecimal("1.5"), dec, false)).isEqualTo("1.500");
        assertThat(DuckDbText.render("", ANY, false)).isEqualTo("(empty)");
        assertThat(DuckDbText.render(true, ANY, false)).isEqualTo("true");
        assertThat(DuckDbText.render(true, ANY, true)).isEqualTo("1");
    }

    @Test
    void sqliteRendersByTypeLetter() {
        assertThat(SqliteText.render(2.9, 'I')).isEqualTo("2");
        assertThat(SqliteText.render(-2.9, 'I')).isEqualTo("-2");
        assertThat(SqliteText.render(new BigDecimal("7.99"), 'I')).isEqualTo("7");
        assertThat(SqliteText.render("12abc", 'I')).isEqualTo("12");
        assertThat(SqliteText.render(true, 'I')).isEqualTo("1");
        assertThat(SqliteText.render(12L, 'R')).isEqualTo("12.000");
        assertThat(SqliteText.render(2.0625, 'R')).isEqualTo("2.063");
        assertThat(SqliteText.render(-0.0001, 'R')).isEqualTo("-0.000");
        assertThat(SqliteText.render(1.5, 'T')).isEqualTo("1.5");
        assertThat(SqliteText.render("", 'T')).isEqualTo("(empty)");
        assertThat(SqliteText.render("a\tb\u00e9", 'T')).isEqualTo("a@b@");
    }

    @Test
    void comparesNumbersAndBooleansAsDuckDbDoes() {
        assertThat(ValueComparator.matches("0.30000000000000004", "0.3", ColumnKind.DOUBLE, 0)).isTrue();
        assertThat(ValueComparator.matches("1.02", "1.0", ColumnKind.DOUBLE, 0)).isFalse();
        assertThat(ValueComparator.matches("nan", "NaN", ColumnKind.DOUBLE, 0)).isTrue();
        assertThat(ValueComparator.matches("1.50", "1.5", ColumnKind.DECIMAL, 2)).isTrue();
        assertThat(ValueComparator.matches("2", "2.0", ColumnKind.INTEGER, 0)).isTrue();
        assertThat(ValueComparator.matches("1", "true", ColumnKind.BOOLEAN, 0)).isTrue();
        assertThat(ValueComparator.matches("false", "0", ColumnKind.BOOLEAN, 0)).isTrue();
        assertThat(ValueComparator.matches("abc", "ABC", ColumnKind.OTHER, 0)).isFalse();
        assertThat(ValueComparator.matches("NULL", "0", ColumnKind.INTEGER, 0)).isFalse();
        assertThat(ValueComparator.matches("hello world", "<REGEX>:hello.*", ColumnKind.OTHER, 0)).isTrue();
        assertThat(ValueComparator.matches("hello world", "<!REGEX>:hello.*", ColumnKind.OTHER, 0)).isFalse();
        assertThat(ValueComparator.regexFound("Wrapper\nBinder Error: x", "<REGEX>:Binder Error.*")).isTrue();
    }

    @Test
    void hashesAndSortsLikeTheCRunners() {
        // MD5 of "1\n2\n": the value texts, each followed by a newline.
        assertThat(ResultHash.of(List.of("1", "2"))).isEqualTo("2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0");
        assertThat(ResultHash.isHashLine("30 values hashing to 3c13dee48d9356ae19af2515e05e6b54")).isTrue();
        List<String> values = new ArrayList<>(List.of("b", "2", "a", "1", "NULL", "0"));
        ResultRenderer.sort(values, 2, SortMode.ROWSORT);
        assertThat(values).containsExactly("NULL", "0", "a", "1", "b", "2");
        List<String> unicode = new ArrayList<>(List.of("\uD83D\uDE00", "\uFF21"));
        unicode.sort(ResultRenderer.BYTE_ORDER);
        assertThat(unicode).containsExactly("\uFF21", "\uD83D\uDE00");
    }
}
