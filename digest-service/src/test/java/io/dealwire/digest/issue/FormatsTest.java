package io.dealwire.digest.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compact money, above all where rounding reaches the next unit (it reaches the subject line). */
class FormatsTest {

    @Test
    void shouldWriteCompactAmounts() {
        assertThat(usd("1225000000")).isEqualTo("$1.2B");
        assertThat(usd("223000000")).isEqualTo("$223M");
        assertThat(usd("2000000")).isEqualTo("$2M");
        assertThat(usd("750000")).isEqualTo("$750K");
        assertThat(usd("950")).isEqualTo("$950");
        assertThat(Formats.money(new BigDecimal("12500000000"), "GBP")).isEqualTo("£12.5B");
        assertThat(Formats.money(new BigDecimal("750000"), "CHF")).isEqualTo("CHF 750K");
    }

    @Test
    void shouldMoveToTheNextUnitWhenRoundingReachesAThousand() {
        assertThat(usd("999950000")).isEqualTo("$1B");
        assertThat(usd("999999")).isEqualTo("$1M");
        assertThat(usd("999500")).isEqualTo("$1M");
        assertThat(usd("999999.999")).isEqualTo("$1M");
        assertThat(usd("999.999")).isEqualTo("$1K");
        assertThat(usd("999500000")).isEqualTo("$1B");
    }

    @Test
    void shouldKeepAmountsJustBelowTheRoundingEdgeInTheirUnit() {
        assertThat(usd("999400000")).isEqualTo("$999M");
        assertThat(usd("999499")).isEqualTo("$999K");
        assertThat(usd("99940000")).isEqualTo("$99.9M");
    }

    @Test
    void shouldWriteListsArticlesAndCountriesForSentences() {
        assertThat(Formats.and(List.of("A", "B", "C"))).isEqualTo("A, B and C");
        assertThat(Formats.and(List.of("A", "B", "C", "D"), 3, ", ")).isEqualTo("A, B, C and D");
        assertThat(Formats.and(List.of("A", "B", "C", "D", "E"), 3, ", ")).isEqualTo("A, B, C and 2 more");
        assertThat(Formats.and(List.of("A, 1", "B", "C", "D"), 2, "; ")).isEqualTo("A, 1; B; and 2 more");
        assertThat(Formats.and(List.of("A, 1", "B"), 2, "; ")).isEqualTo("A, 1 and B");
        assertThat(Formats.countryInText("US")).isEqualTo("the United States");
        assertThat(Formats.countryInText("NL")).isEqualTo("the Netherlands");
        assertThat(Formats.countryInText("PK")).isEqualTo("Pakistan");
        assertThat(Formats.withArticle("upstream")).isEqualTo("an upstream");
        assertThat(Formats.withArticle("MOU")).isEqualTo("an MOU");
        assertThat(Formats.withArticle("downstream")).isEqualTo("a downstream");
        assertThat(Formats.possessive("MP Materials")).isEqualTo("MP Materials'");
        assertThat(Formats.possessive("Apple")).isEqualTo("Apple's");
        assertThat(Formats.numberWord(9)).isEqualTo("nine");
        assertThat(Formats.numberWord(1200)).isEqualTo("1,200");
    }

    private static String usd(String amount) {
        return Formats.money(new BigDecimal(amount), "USD");
    }
}
