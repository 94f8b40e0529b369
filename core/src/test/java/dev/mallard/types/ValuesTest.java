package dev.mallard.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void textUsesDuckDbSpelling() {
        assertThat(Values.toText(LogicalType.BOOLEAN, true)).isEqualTo("true");
        assertThat(Values.toText(LogicalType.DOUBLE, 0.1)).isEqualTo("0.1");
        assertThat(Values.toText(LogicalType.DOUBLE, 100.0)).isEqualTo("100.0");
        assertThat(Values.toText(LogicalType.DOUBLE, 1e20)).isEqualTo("1e+20");
        assertThat(Values.toText(LogicalType.DOUBLE, 1e-5)).isEqualTo("1e-05");
        assertThat(Values.toText(LogicalType.DOUBLE, 1e15)).isEqualTo("1000000000000000.0");
        assertThat(Values.toText(LogicalType.DOUBLE, Double.NaN)).isEqualTo("nan");
        assertThat(Values.toText(LogicalType.DOUBLE, Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(Values.toText(LogicalType.REAL, (double) 0.1f)).isEqualTo("0.1");
        assertThat(Values.toText(LogicalType.decimal(10, 2), 150L)).isEqualTo("1.50");
        assertThat(Values.toText(LogicalType.decimal(10, 3), -5L)).isEqualTo("-0.005");
        assertThat(Values.toText(LogicalType.decimal(38, 2), new BigInteger("-123456789012345678901234"))).isEqualTo("-1234567890123456789012.34");
        assertThat(Values.toText(LogicalType.DATE, 0)).isEqualTo("1970-01-01");
        assertThat(Values.toText(LogicalType.TIMESTAMP, 1_500_000L)).isEqualTo("1970-01-01 00:00:01.5");
        assertThat(Values.toText(LogicalType.TIMESTAMP, 0L)).isEqualTo("1970-01-01 00:00:00");
        assertThat(Values.toText(LogicalType.INTERVAL, new Interval(14, 3, 4 * 3_600_000_000L + 5 * 60_000_000L + 6_000_000L)))
                .isEqualTo("1 year 2 months 3 days 04:05:06");
        assertThat(Values.toText(LogicalType.INTEGER, null)).isNull();
    }

    @Test
    void toJavaGivesTheDocumentedClasses() {
        assertThat(Values.toJava(LogicalType.TINYINT, 5)).isEqualTo((byte) 5);
        assertThat(Values.toJava(LogicalType.SMALLINT, 5)).isEqualTo((short) 5);
        assertThat(Values.toJava(LogicalType.REAL, 1.5)).isEqualTo(1.5f);
        assertThat(Values.toJava(LogicalType.decimal(5, 2), 150L)).isEqualTo(new BigDecimal("1.50"));
        assertThat(Values.toJava(LogicalType.decimal(20, 2), BigInteger.valueOf(-1))).isEqualTo(new BigDecimal("-0.01"));
        assertThat(Values.toJava(LogicalType.DATE, 18321)).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(Values.toJava(LogicalType.TIMESTAMP, -1L)).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(Values.toJava(LogicalType.DATE, DateTimes.DATE_INFINITY)).isEqualTo(LocalDate.MAX);
    }

    @Test
    void fromJavaIsTheInverse() {
        Object[] samples = {true, (byte) 1, (short) 2, 3, 4L, 1.5f, 2.5, new BigDecimal("123.45"), "x",
                LocalDate.of(2020, 2, 29), LocalDateTime.of(1900, 1, 1, 1, 2, 3, 4000), new Interval(1, 2, 3)};
        for (Object o : samples) {
            Values.Typed t = Values.fromJava(o);
            assertThat(Values.toJava(t.type(), t.value())).as(o.getClass().getSimpleName()).isEqualTo(o);
        }
        assertThat(Values.fromJava(new BigDecimal("0.05")).type()).isEqualTo(LogicalType.decimal(3, 2));
        assertThat(Values.fromJava(new BigDecimal("1E+3")).type()).isEqualTo(LogicalType.decimal(4, 0));
        assertThat(Values.fromJava(new BigDecimal("12345678901234567890.5")).value()).isInstanceOf(BigInteger.class);
        assertThat(Values.fromJava(null)).isEqualTo(new Values.Typed(LogicalType.NULL, null));
    }

    @Test
    void fromJavaAcceptsTheOtherJavaTimeAndNumberClasses() {
        assertThat(Values.fromJava('c')).isEqualTo(new Values.Typed(LogicalType.VARCHAR, "c"));
        assertThat(Values.fromJava(BigInteger.TEN)).isEqualTo(new Values.Typed(LogicalType.BIGINT, 10L));
        assertThat(Values.fromJava(java.sql.Date.valueOf("2020-02-29")).value()).isEqualTo(18321);
        assertThat(Values.fromJava(java.sql.Timestamp.valueOf("1970-01-01 00:00:01.5")).value()).isEqualTo(1_500_000L);
        assertThat(Values.fromJava(Instant.ofEpochSecond(1, 500_000)).value()).isEqualTo(1_000_500L);
        assertThat(Values.fromJava(Period.of(1, 2, 3)).value()).isEqualTo(new Interval(14, 3, 0));
        assertThat(Values.fromJava(Duration.ofMillis(1500)).value()).isEqualTo(new Interval(0, 0, 1_500_000));
        assertThatThrownBy(() -> Values.fromJava(new Object())).isInstanceOf(MallardException.Data.class);
    }
}
