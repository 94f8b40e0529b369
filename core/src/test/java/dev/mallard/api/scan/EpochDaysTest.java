package dev.mallard.api.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The table-driven epoch day agrees with {@link LocalDate#toEpochDay} inside the tables and past their ends. */
class EpochDaysTest {
    @Test
    void everyDayOfTheTabledYearsAndAroundThem() {
        for (LocalDate d = LocalDate.of(1590, 1, 1); d.isBefore(LocalDate.of(2611, 1, 1)); d = d.plusDays(1)) {
            assertThat(EpochDays.of(d)).as("%s", d).isEqualTo((int) d.toEpochDay());
        }
    }

    @Test
    void farYearsFallBackToToEpochDay() {
        for (LocalDate d : new LocalDate[] {LocalDate.of(-4000, 2, 29), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                LocalDate.of(1_000_000, 3, 1)}) {
            assertThat(EpochDays.of(d)).isEqualTo((int) d.toEpochDay());
        }
        assertThatThrownBy(() -> EpochDays.of(LocalDate.MAX)).isInstanceOf(ArithmeticException.class);
    }
}
