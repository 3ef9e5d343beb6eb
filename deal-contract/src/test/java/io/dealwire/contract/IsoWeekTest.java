package io.dealwire.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoWeekTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2025-09-08, 2025-W37",
        "2025-09-14, 2025-W37",
        "2025-09-15, 2025-W38",
        "2024-12-30, 2025-W01",
        "2021-01-03, 2020-W53",
        "2021-01-04, 2021-W01",
        "2026-12-31, 2026-W53",
        "2027-01-03, 2026-W53",
        "2008-12-29, 2009-W01"
    })
    void shouldNameTheWeekByItsWeekBasedYear(LocalDate date, String week) {
        assertThat(IsoWeek.of(date)).hasToString(week);
    }

    @ParameterizedTest(name = "{0}: {1}..{2}")
    @CsvSource({
        "2025-W37, 2025-09-08, 2025-09-14",
        "2025-W01, 2024-12-30, 2025-01-05",
        "2020-W53, 2020-12-28, 2021-01-03",
        "2026-W53, 2026-12-28, 2027-01-03"
    })
    void shouldParseToMondayAndSunday(String week, LocalDate monday, LocalDate sunday) {
        IsoWeek parsed = IsoWeek.parse(week);

        assertThat(parsed.firstDay()).isEqualTo(monday);
        assertThat(parsed.lastDay()).isEqualTo(sunday);
        assertThat(parsed.contains(monday)).isTrue();
        assertThat(parsed.contains(sunday.plusDays(1))).isFalse();
        assertThat(parsed).hasToString(week);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-W00", "2025-W53", "2025-W54", "2025-37", "2025-w37", "25-W37", "2025-W7", "2025-W37 ",
        "", "2025W37"})
    void shouldRejectMalformedOrNonexistentWeeks(String text) {
        assertThat(IsoWeek.isValid(text)).isFalse();
        assertThatThrownBy(() -> IsoWeek.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptWeek53OnlyInLongYears() {
        assertThat(IsoWeek.weeksIn(2020)).isEqualTo(53);
        assertThat(IsoWeek.weeksIn(2025)).isEqualTo(52);
        assertThat(IsoWeek.isValid("2020-W53")).isTrue();
        assertThat(IsoWeek.isValid("2026-W53")).isTrue();
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).hasMessageContaining("2025");
        assertThat(IsoWeek.isValid(null)).isFalse();
    }

    @Test
    void shouldStepAcrossYearBoundaries() {
        assertThat(IsoWeek.parse("2020-W53").next()).hasToString("2021-W01");
        assertThat(IsoWeek.parse("2025-W01").previous()).hasToString("2024-W52");
        assertThat(IsoWeek.parse("2025-W37")).isLessThan(IsoWeek.parse("2025-W38")).isGreaterThan(IsoWeek.parse("2024-W52"));
    }

    @Test
    void shouldBeAStringInJson() {
        assertThat(DealJson.toTree(IsoWeek.parse("2025-W37")).asText()).isEqualTo("2025-W37");
    }

    @Test
    void shouldPadYearAndWeekInItsText() {
        assertThat(new IsoWeek(987, 5)).hasToString("0987-W05");
        assertThat(new IsoWeek(2020, 53)).hasToString("2020-W53");
    }
}
