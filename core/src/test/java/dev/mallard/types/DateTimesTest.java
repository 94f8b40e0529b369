package dev.mallard.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;

class DateTimesTest {
    @Test
    void civilCalendarAgreesWithJavaTime() {
        for (long days = -800_000; days <= 800_000; days += 7) {
            LocalDate d = LocalDate.ofEpochDay(days);
            long c = DateTimes.civilFromDays(days);
            assertThat(DateTimes.yearOf(c)).isEqualTo(d.getYear());
            assertThat(DateTimes.monthOf(c)).isEqualTo(d.getMonthValue());
            assertThat(DateTimes.dayOf(c)).isEqualTo(d.getDayOfMonth());
            assertThat(DateTimes.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(days);
            assertThat(DateTimes.dayOfYear(days)).isEqualTo(d.getDayOfYear());
            assertThat(DateTimes.isoDayOfWeek(days)).isEqualTo(d.getDayOfWeek().getValue());
            assertThat(DateTimes.dayOfWeek(days)).isEqualTo(d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : d.getDayOfWeek().getValue());
        }
        for (long days = -3000; days <= 30000; days++) {
            LocalDate d = LocalDate.ofEpochDay(days);
            assertThat(DateTimes.isoWeek(days)).isEqualTo(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            assertThat(DateTimes.isoYear(days)).isEqualTo(d.get(IsoFields.WEEK_BASED_YEAR));
        }
    }

    @Test
    void addingMonthsClampsTheDay() {
        long jan31 = DateTimes.parseDate("2020-01-31");
        assertThat(DateTimes.formatDate(DateTimes.addMonths(jan31, 1))).isEqualTo("2020-02-29");
        assertThat(DateTimes.formatDate(DateTimes.addMonths(jan31, 13))).isEqualTo("2021-02-28");
        assertThat(DateTimes.formatDate(DateTimes.addMonths(jan31, -2))).isEqualTo("2019-11-30");
        assertThat(DateTimes.formatDate(DateTimes.addMonths(DateTimes.parseDate("0001-01-15"), -1))).isEqualTo("0001-12-15 (BC)");
    }

    @Test
    void dateTextRoundTrips() {
        for (String s : new String[] {"2020-02-29", "0001-01-01", "0001-01-01 (BC)", "0044-03-15 (BC)", "9999-12-31", "12345-06-07",
                "infinity", "-infinity"}) {
            assertThat(DateTimes.formatDate(DateTimes.parseDate(s))).isEqualTo(s);
        }
        assertThat(DateTimes.parseDate(" 2020-1-5 ")).isEqualTo(DateTimes.parseDate("2020-01-05"));
        assertThat(DateTimes.tryParseDate("2021-02-29")).isEqualTo(DateTimes.INVALID);
        assertThatThrownBy(() -> DateTimes.parseDate("2020.01.01")).isInstanceOf(MallardException.Data.class)
                .hasMessageContaining("2020.01.01");
    }

    @Test
    void timestampTextRoundTrips() {
        for (String s : new String[] {"2020-02-29 13:45:30.123456", "1969-12-31 23:59:59.5", "1970-01-01 00:00:00",
                "0001-12-31 (BC) 23:00:00", "infinity"}) {
            assertThat(DateTimes.formatTimestamp(DateTimes.parseTimestamp(s))).isEqualTo(s);
        }
        assertThat(DateTimes.formatTimestamp(DateTimes.parseTimestamp("2020-01-05 24:00:00"))).isEqualTo("2020-01-06 00:00:00");
        assertThat(DateTimes.formatTimestamp(DateTimes.parseTimestamp("2020-01-05T10:11Z"))).isEqualTo("2020-01-05 10:11:00");
        assertThat(DateTimes.tryParseTimestamp("2020-01-05 10")).isEqualTo(DateTimes.INVALID);
    }

    @Test
    void intervalsParseAndPrintLikeDuckDb() {
        assertThat(Intervals.format(DateTimes.parseInterval("1 year 2 months 3 days 04:05:06"))).isEqualTo("1 year 2 months 3 days 04:05:06");
        assertThat(Intervals.format(DateTimes.parseInterval("1.5 months"))).isEqualTo("1 month 15 days");
        assertThat(Intervals.format(DateTimes.parseInterval("@ 1 day ago"))).isEqualTo("-1 day");
        assertThat(Intervals.format(DateTimes.parseInterval("1h 30m"))).isEqualTo("01:30:00");
        assertThat(Intervals.format(DateTimes.parseInterval("-00:00:01.5"))).isEqualTo("-00:00:01.5");
        assertThat(Intervals.format(Intervals.ZERO)).isEqualTo("00:00:00");
        assertThat(DateTimes.intervalOf(90, "MINUTE")).isEqualTo(new Interval(0, 0, 90 * 60_000_000L));
        assertThat(DateTimes.intervalOf(2, "years")).isEqualTo(new Interval(24, 0, 0));
        assertThat(DateTimes.intervalOf(3, "week")).isEqualTo(new Interval(0, 21, 0));
        assertThatThrownBy(() -> DateTimes.parseInterval("90")).isInstanceOf(MallardException.Data.class);
        assertThatThrownBy(() -> DateTimes.intervalOf(1, "fortnight")).isInstanceOf(MallardException.Data.class);
    }

    @Test
    void intervalArithmetic() {
        long ts = DateTimes.parseTimestamp("2020-01-31 10:00:00");
        assertThat(DateTimes.formatTimestamp(DateTimes.addInterval(ts, new Interval(1, 1, 3_600_000_000L))))
                .isEqualTo("2020-03-01 11:00:00");
        assertThat(Intervals.format(Intervals.between(DateTimes.parseTimestamp("2020-01-02 12:00"), DateTimes.parseTimestamp("2020-01-01"))))
                .isEqualTo("-1 day -12:00:00");
        assertThat(Intervals.format(Intervals.multiply(new Interval(1, 1, 0), 0.5))).isEqualTo("15 days 12:00:00");
        assertThatThrownBy(() -> Intervals.multiply(new Interval(Integer.MAX_VALUE, 0, 0), 2L)).isInstanceOf(MallardException.Data.class);
    }
}
