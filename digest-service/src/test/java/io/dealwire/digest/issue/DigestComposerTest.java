package io.dealwire.digest.issue;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.contract.Deal;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.Money;
import io.dealwire.digest.edition.EditorFields;
import io.dealwire.digest.support.SeedDeals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The content rules on the seed week, without infrastructure. */
class DigestComposerTest {

    private static final String DEFAULT_TITLE = "Rare Earth Deal Update";
    private static final IsoWeek DEFAULT_WEEK = IsoWeek.parse(SeedDeals.SEED_WEEK);
    private static final DigestView.Links DEFAULT_LINKS = DigestView.Links.of("https://dealwire.example", "2025-W37",
            "https://dealwire.example/unsubscribe/t");

    private static DigestView compose(List<Deal> deals, Set<String> earlierCountries) {
        return DigestComposer.compose(DEFAULT_TITLE, DEFAULT_WEEK, SeedDeals.byId(deals), earlierCountries,
                EditorFields.NONE, DEFAULT_LINKS);
    }

    private static DigestView composeSeed() {
        return compose(SeedDeals.seedWeek(), Set.of());
    }

    @Test
    void shouldWriteTheSubjectWithWeekdaysCountAndDisclosedTotal() {
        assertThat(composeSeed().subject())
                .isEqualTo("Rare Earth Deal Update — week of 8–12 Sep 2025: 9 deals, $1.2B disclosed");
    }

    @Test
    void shouldOrderSectionsLikeTheSeedAndPutEveryDealInOne() {
        DigestView view = composeSeed();
        assertThat(view.sections()).extracting(DigestView.Section::title)
                .containsExactly("Cross-border & government", "Upstream", "Midstream", "Downstream");
        assertThat(view.sections().get(0).deals()).extracting(DigestView.DealItem::headline).containsExactly(
                "Pakistan signs $500 million in critical-minerals agreements with U.S. firms",
                "Kazakhstan orders the launch of three new rare earth enterprises");
        assertThat(view.sections().stream().mapToInt(s -> s.deals().size()).sum()).isEqualTo(9);
        assertThat(view.sections().get(3).deals()).hasSize(4);
    }

    @Test
    void shouldComputeHighlightsFromTheData() {
        DigestView.Highlights highlights = composeSeed().highlights();
        assertThat(highlights.disclosed()).isEqualTo("$1.2B");
        assertThat(highlights.dealsWithValue()).isEqualTo(4);
        assertThat(highlights.largest()).extracting(DigestView.LargestDeal::value)
                .containsExactly("$500M", "$500M", "$223M");
        assertThat(highlights.newCountries()).containsExactly("Canada", "Estonia", "Germany", "Kazakhstan",
                "Pakistan", "South Korea", "United States");
        assertThat(highlights.byStage()).isEqualTo("2 cross-chain · 1 upstream · 2 midstream · 4 downstream");
    }

    @Test
    void shouldListOnlyCountriesNotInEarlierIssuesAsNew() {
        DigestView view = compose(SeedDeals.seedWeek(), Set.of("US", "CA", "DE", "EE"));
        assertThat(view.highlights().newCountries()).containsExactly("Kazakhstan", "Pakistan", "South Korea");
    }

    @Test
    void shouldFormatTheFiguresOfADeal() {
        DigestView.DealItem jsLink = composeSeed().sections().get(3).deals().get(0);
        assertThat(jsLink.headline()).startsWith("JS Link");
        assertThat(jsLink.value()).isEqualTo("$223M");
        assertThat(jsLink.capacity()).isEqualTo("3,000 t/y");
        assertThat(jsLink.jobs()).isEqualTo("500");
        assertThat(jsLink.location()).isEqualTo("Columbus, Georgia, United States");
        assertThat(jsLink.parties()).containsExactly(new DigestView.PartyItem("JS Link", "developer", "South Korea"));
        assertThat(jsLink.announcedOn()).isEqualTo("2 Sep 2025");
        assertThat(jsLink.expectedStart()).isEqualTo("2027");
    }

    @Test
    void shouldFormatMoneyCompactlyPerCurrency() {
        assertThat(Formats.money(new BigDecimal("1225000000"), "USD")).isEqualTo("$1.2B");
        assertThat(Formats.money(new BigDecimal("500000000"), "USD")).isEqualTo("$500M");
        assertThat(Formats.money(new BigDecimal("3000000"), "EUR")).isEqualTo("€3M");
        assertThat(Formats.money(new BigDecimal("12500000000"), "GBP")).isEqualTo("£12.5B");
        assertThat(Formats.money(new BigDecimal("750000"), "CHF")).isEqualTo("CHF 750K");
        assertThat(Formats.moneyTotals(Map.of("EUR", new BigDecimal("3000000")))).isEqualTo("€3M");
    }

    @Test
    void shouldJoinSeveralCurrenciesInTheSubject() {
        List<Deal> deals = new ArrayList<>(SeedDeals.seedWeek());
        Deal euro = SeedDeals.dealIn("eu-1", "EU grant for a magnet line", io.dealwire.contract.Stage.DOWNSTREAM,
                LocalDate.of(2025, 9, 10), "FR");
        deals.add(euro);
        DigestView view = compose(deals, Set.of());
        assertThat(view.subject()).endsWith(": 10 deals, $1.2B + €3M disclosed");
        assertThat(euro.value()).isEqualTo(new Money(BigDecimal.valueOf(3_000_000), "EUR"));
    }

    @Test
    void shouldSpanTheWeekendWhenADealWasReportedOnIt() {
        Deal saturday = SeedDeals.deal("sat-1", "Saturday news", io.dealwire.contract.Stage.UPSTREAM,
                LocalDate.of(2025, 9, 13));
        assertThat(DigestComposer.dateRange(DEFAULT_WEEK, List.of(saturday))).isEqualTo("8–14 Sep 2025");
        assertThat(Formats.dateRange(LocalDate.of(2025, 9, 29), LocalDate.of(2025, 10, 3)))
                .isEqualTo("29 Sep–3 Oct 2025");
        assertThat(Formats.dateRange(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 2)))
                .isEqualTo("29 Dec 2025–2 Jan 2026");
    }

    @Test
    void shouldNotSayDisclosedWhenNoDealHasAValue() {
        Deal plain = SeedDeals.deal("plain-1", "No money named", io.dealwire.contract.Stage.RECYCLING,
                LocalDate.of(2025, 9, 9));
        DigestView view = compose(List.of(plain), Set.of());
        assertThat(view.subject()).isEqualTo("Rare Earth Deal Update — week of 8–12 Sep 2025: 1 deal");
        assertThat(view.sections()).extracting(DigestView.Section::title).containsExactly("Recycling");
    }

    @Test
    void shouldMarkADealAnnouncedMoreThanThirtyDaysBeforeItsReportAsEarlierNews() {
        LocalDate reported = LocalDate.of(2025, 9, 10);
        Deal thirtyOneDays = announcedBefore(reported, 31);
        Deal thirtyDays = announcedBefore(reported, 30);
        assertThat(DigestComposer.item(thirtyOneDays, 0).earlierNews()).isTrue();
        assertThat(DigestComposer.item(thirtyDays, 0).earlierNews()).isFalse();
        assertThat(composeSeed().sections().get(3).deals())
                .filteredOn(DigestView.DealItem::earlierNews)
                .extracting(DigestView.DealItem::headline)
                .containsExactly("Apple commits $500 million to U.S.-made rare earth magnets from MP Materials");
    }

    private static Deal announcedBefore(LocalDate reported, int days) {
        Deal deal = SeedDeals.deal("early-" + days, "Announced " + days + " days before",
                io.dealwire.contract.Stage.UPSTREAM, reported);
        return new Deal(deal.externalId(), deal.headline(), null, deal.dealType(), deal.stage(),
                reported.minusDays(days), reported, deal.parties(), null, null, null, null, null, null, null, null,
                null);
    }
}
