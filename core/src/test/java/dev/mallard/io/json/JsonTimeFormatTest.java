package dev.mallard.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.types.DateTimes;
import org.junit.jupiter.api.Test;

class JsonTimeFormatTest {
    private static String ts(String format, String text) {
        long micros = JsonTimeFormat.of(format, "timestampformat").parseTimestamp(text);
        return micros == DateTimes.INVALID ? "invalid" : DateTimes.formatTimestamp(micros);
    }

    private static String date(String format, String text) {
        long days = JsonTimeFormat.of(format, "dateformat").parseDate(text);
        return days == DateTimes.INVALID ? "invalid" : DateTimes.formatDate(days);
    }

    @Test
    void datesInCommonLayouts() {
        assertThat(date("%d/%m/%Y", "31/01/2024")).isEqualTo("2024-01-31");
        assertThat(date("%m-%d-%y", "12-01-99")).isEqualTo("1999-12-01");
        assertThat(date("%m-%d-%y", "12-01-05")).isEqualTo("2005-12-01");
        assertThat(date("%-d %B %Y", "5 March 2024")).isEqualTo("2024-03-05");
        assertThat(date("%d %b %Y", "05 mar 2024")).isEqualTo("2024-03-05");
        assertThat(date("%a, %d %b %Y", "Tue, 05 Mar 2024")).isEqualTo("2024-03-05");
        assertThat(date("%Y%m%d", "20240229")).isEqualTo("2024-02-29");
        assertThat(date("%Y-%j", "2024-060")).isEqualTo("2024-02-29");
        assertThat(date("%F", "2024-02-29")).isEqualTo("2024-02-29");
    }

    @Test
    void invalidDatesAndMismatchesAreRefused() {
        assertThat(date("%d/%m/%Y", "2023-02-29")).isEqualTo("invalid");
        assertThat(date("%d/%m/%Y", "29/02/2023")).isEqualTo("invalid");
        assertThat(date("%d/%m/%Y", "31/01/2024 extra")).isEqualTo("invalid");
        assertThat(date("%d/%m/%Y", "31/01")).isEqualTo("invalid");
        assertThat(date("%Y-%j", "2023-366")).isEqualTo("invalid");
    }

    @Test
    void timestampsWithFractionsTwelveHourClockAndOffsets() {
        assertThat(ts("%Y-%m-%dT%H:%M:%S.%f", "2024-01-31T10:20:30.5")).isEqualTo("2024-01-31 10:20:30.5");
        assertThat(ts("%Y-%m-%d %T.%f", "2024-01-31 10:20:30.123456")).isEqualTo("2024-01-31 10:20:30.123456");
        assertThat(ts("%Y-%m-%d %T.%n", "2024-01-31 10:20:30.123456789")).isEqualTo("2024-01-31 10:20:30.123456");
        assertThat(ts("%Y-%m-%d %T.%g", "2024-01-31 10:20:30.042")).isEqualTo("2024-01-31 10:20:30.042");
        assertThat(ts("%m/%d/%Y %I:%M %p", "01/31/2024 12:05 AM")).isEqualTo("2024-01-31 00:05:00");
        assertThat(ts("%m/%d/%Y %I:%M %p", "01/31/2024 12:05 pm")).isEqualTo("2024-01-31 12:05:00");
        assertThat(ts("%m/%d/%Y %I:%M %p", "01/31/2024 13:05 PM")).isEqualTo("invalid");
        // An offset moves the time to UTC.
        assertThat(ts("%Y-%m-%dT%H:%M:%S%z", "2024-01-31T10:20:30+02:00")).isEqualTo("2024-01-31 08:20:30");
        assertThat(ts("%Y-%m-%dT%H:%M:%S%z", "2024-01-31T23:20:30-0130")).isEqualTo("2024-02-01 00:50:30");
        assertThat(ts("%Y-%m-%dT%H:%M:%S%z", "2024-01-31T10:20:30Z")).isEqualTo("2024-01-31 10:20:30");
        assertThat(ts("%Y-%m-%d %H:%M:%S %Z", "2024-01-31 10:20:30 UTC")).isEqualTo("2024-01-31 10:20:30");
        assertThat(ts("%Y-%m-%d %H:%M", "2024-01-31 24:00")).isEqualTo("invalid");
        assertThat(ts("100%% at %Y", "100% at 2024")).isEqualTo("2024-01-01 00:00:00");
    }

    @Test
    void aSpaceMatchesAnyRunOfWhitespace() {
        assertThat(ts("%Y-%m-%d %H:%M", "2024-01-31   10:20")).isEqualTo("2024-01-31 10:20:00");
        assertThat(ts("%Y-%m-%d %H:%M", "2024-01-31\t10:20")).isEqualTo("2024-01-31 10:20:00");
    }

    @Test
    void optionValues() {
        assertThat(JsonTimeFormat.of(null, "dateformat")).isNull();
        assertThat(JsonTimeFormat.of("auto", "dateformat")).isNull();
        assertThatThrownBy(() -> JsonTimeFormat.of("YYYY-MM-DD", "dateformat"))
                .hasMessage("option dateformat takes a strptime format such as '%d/%m/%Y', got 'YYYY-MM-DD'");
        assertThatThrownBy(() -> JsonTimeFormat.of("%Q", "dateformat")).hasMessageContaining("%Q is not a supported specifier");
    }
}
