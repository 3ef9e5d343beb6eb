package io.dealwire.digest.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealType;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.Location;
import io.dealwire.contract.Money;
import io.dealwire.contract.Party;
import io.dealwire.contract.PartyRole;
import io.dealwire.contract.Stage;
import io.dealwire.digest.issue.Theme;
import io.dealwire.digest.support.SeedDeals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The computed lead: exact sentences for the seed week and the edge cases of counts, currencies and dates. */
class LeadWriterTest {

    private static final IsoWeek DEFAULT_WEEK = IsoWeek.parse(SeedDeals.SEED_WEEK);
    /** Countries of earlier issues such that the seed's new entrants are Pakistan and Kazakhstan, as in the article. */
    private static final Set<String> DEFAULT_EARLIER = Set.of("US", "CA", "DE", "EE", "KR");
    private static final LocalDate DEFAULT_REPORTED = LocalDate.of(2025, 9, 10);
    private static final Party DEFAULT_DEVELOPER = new Party("Acme Rare Earths", PartyRole.DEVELOPER, "US");
    private static final Party DEFAULT_PARTNER = new Party("Borealis Metals", PartyRole.PARTNER, "CA");

    @Test
    void shouldWriteTheSeedWeeksLeadFromItsData() {
        Lead lead = LeadWriter.write(DEFAULT_WEEK, SeedDeals.seedWeek(), DEFAULT_EARLIER);

        assertThat(lead.title()).isEqualTo("Pakistan and Kazakhstan join the digest in a week of 9 deals");
        assertThat(lead.intro()).isEqualTo("An update for the week of 8–12 Sep 2025: 9 deals, including 5 updates"
                + " announced between mid-July and early September. Four of them disclosed a value, $1.2B in all;"
                + " the largest are Pakistan's $500M agreement with US Strategic Metals and Apple's $500M partnership"
                + " with MP Materials. Two new entrants join the digest: Pakistan and Kazakhstan. Downstream was the"
                + " busiest stage, with 4 of the 9 deals.");
        assertThat(lead.sections()).containsExactly(
                entry(Theme.CROSS_BORDER, "Two cross-border and government deals: Pakistan's $500M agreement with"
                        + " US Strategic Metals and Kazakhstan's policy."),
                entry(Theme.UPSTREAM, "One upstream deal: Torngat Metals' MOU with VAC."),
                entry(Theme.MIDSTREAM, "Two midstream deals: U.S. Department of Defense's $2M grant to ReElement"
                        + " Technologies and ReElement Technologies' partnership with Principal Mineral."
                        + " The United States figures in both."),
                entry(Theme.DOWNSTREAM, "Four downstream deals, $723M disclosed: Apple's $500M partnership with"
                        + " MP Materials; JS Link's $223M facility in Columbus, Georgia, United States; and 2 more."
                        + " The United States figures in 3 of the 4."));
    }

    @Test
    void shouldNameNoNewEntrantsInTheFirstIssueAndTitleItByItsLargestDeals() {
        Lead lead = LeadWriter.write(DEFAULT_WEEK, SeedDeals.seedWeek(), Set.of());

        assertThat(lead.title()).isEqualTo("Two $500M deals top a week of 9 deals");
        assertThat(lead.intro()).doesNotContain("new entrant").endsWith("with MP Materials."
                + " Downstream was the busiest stage, with 4 of the 9 deals.");
    }

    @Test
    void shouldBeTheSameLeadWhateverTheOrderOfTheDeals() {
        List<Deal> reversed = new ArrayList<>(SeedDeals.seedWeek());
        Collections.reverse(reversed);

        assertThat(LeadWriter.write(DEFAULT_WEEK, reversed, DEFAULT_EARLIER))
                .isEqualTo(LeadWriter.write(DEFAULT_WEEK, SeedDeals.seedWeek(), DEFAULT_EARLIER));
    }

    @Test
    void shouldWriteTheLeadOfOneDeal() {
        Deal financing = deal("one", DealType.FINANCING, Stage.MIDSTREAM, usd(2_000_000), DEFAULT_DEVELOPER,
                new Party("Export Bank", PartyRole.LENDER, "US"));

        Lead lead = LeadWriter.write(DEFAULT_WEEK, List.of(financing), DEFAULT_EARLIER);

        assertThat(lead.title()).isEqualTo("Acme Rare Earths' $2M financing from Export Bank");
        assertThat(lead.intro()).isEqualTo("An update for the week of 8–12 Sep 2025: 1 deal."
                + " It is a midstream deal: Acme Rare Earths' $2M financing from Export Bank.");
        assertThat(lead.sections()).containsExactly(
                entry(Theme.MIDSTREAM, "One midstream deal: Acme Rare Earths' $2M financing from Export Bank."));
    }

    @Test
    void shouldSayWhenEveryDealIsInOneStage() {
        List<Deal> deals = List.of(
                deal("d1", DealType.OFFTAKE, Stage.DOWNSTREAM, null, DEFAULT_DEVELOPER, DEFAULT_PARTNER),
                located(deal("d2", DealType.FACILITY, Stage.DOWNSTREAM, null, DEFAULT_PARTNER),
                        new Location("Sudbury", "CA")),
                deal("d3", DealType.MOU, Stage.DOWNSTREAM, null, DEFAULT_DEVELOPER));

        Lead lead = LeadWriter.write(DEFAULT_WEEK, deals, DEFAULT_EARLIER);

        assertThat(lead.title()).isEqualTo("A week of 3 downstream deals");
        assertThat(lead.intro()).isEqualTo("An update for the week of 8–12 Sep 2025: 3 deals."
                + " All 3 are downstream deals.");
        assertThat(lead.sections()).containsExactly(entry(Theme.DOWNSTREAM, "Three downstream deals:"
                + " Acme Rare Earths' offtake with Borealis Metals; Borealis Metals' facility in Sudbury, Canada;"
                + " and Acme Rare Earths' MOU."));
    }

    @Test
    void shouldKeepEveryCurrencyApartAndNameTheLargestDealOfEach() {
        List<Deal> deals = List.of(
                deal("usd", DealType.INVESTMENT, Stage.UPSTREAM, usd(40_000_000), DEFAULT_DEVELOPER,
                        new Party("Orbis Capital", PartyRole.INVESTOR, "US")),
                deal("eur", DealType.GRANT, Stage.MIDSTREAM, money(12_500_000, "EUR"),
                        new Party("European Commission", PartyRole.GRANTOR, "BE"),
                        new Party("Solvay", PartyRole.DEVELOPER, "FR")),
                deal("jpy", DealType.ACQUISITION, Stage.DOWNSTREAM, money(3_000_000_000L, "JPY"),
                        new Party("Shin-Etsu", PartyRole.ACQUIRER, "JP"), new Party("Magnetix", PartyRole.TARGET, "JP")),
                deal("usd2", DealType.OFFTAKE, Stage.UPSTREAM, usd(15_000_000), DEFAULT_PARTNER, DEFAULT_DEVELOPER));

        Lead lead = LeadWriter.write(DEFAULT_WEEK, deals, DEFAULT_EARLIER);

        assertThat(lead.title()).isEqualTo("Three new entrants join the digest in a week of 4 deals");
        assertThat(lead.intro()).isEqualTo("An update for the week of 8–12 Sep 2025: 4 deals."
                + " All 4 disclosed a value in 3 currencies: $55M across 2, ¥3B across 1 and €12.5M across 1;"
                + " the largest in each currency are Acme Rare Earths' $40M investment from Orbis Capital,"
                + " Shin-Etsu's ¥3B acquisition of Magnetix and European Commission's €12.5M grant to Solvay."
                + " Three new entrants join the digest: Belgium, France and Japan."
                + " Upstream was the busiest stage, with 2 of the 4 deals.");
        assertThat(lead.sections()).containsExactly(
                entry(Theme.UPSTREAM, "Two upstream deals, $55M disclosed: Acme Rare Earths' $40M investment from"
                        + " Orbis Capital and Borealis Metals' $15M offtake with Acme Rare Earths."
                        + " The United States figures in both."),
                entry(Theme.MIDSTREAM, "One midstream deal: European Commission's €12.5M grant to Solvay."),
                entry(Theme.DOWNSTREAM, "One downstream deal: Shin-Etsu's ¥3B acquisition of Magnetix."));
    }

    @Test
    void shouldNameTheMonthsOfAWeekOfOnlyLateReports() {
        List<Deal> deals = List.of(
                announced(deal("aug", DealType.PARTNERSHIP, Stage.RECYCLING, null, DEFAULT_DEVELOPER,
                        DEFAULT_PARTNER), LocalDate.of(2025, 8, 25)),
                announced(deal("sep", DealType.MOU, Stage.UPSTREAM, null, DEFAULT_DEVELOPER),
                        LocalDate.of(2025, 9, 3)));

        Lead lead = LeadWriter.write(DEFAULT_WEEK, deals, DEFAULT_EARLIER);

        assertThat(lead.title()).isEqualTo("A week of 2 deals across 2 stages");
        assertThat(lead.intro()).isEqualTo("An update for the week of 8–12 Sep 2025: 2 deals, all updates announced"
                + " in late August and early September. They are spread evenly over 2 stages, 1 each:"
                + " upstream and recycling.");
    }

    @Test
    void shouldNameTheThirdOfTheMonthAndTheYearOfALateReport() {
        assertThat(LeadWriter.period(LocalDate.of(2025, 8, 10), 2025)).isEqualTo("early August");
        assertThat(LeadWriter.period(LocalDate.of(2025, 8, 11), 2025)).isEqualTo("mid-August");
        assertThat(LeadWriter.period(LocalDate.of(2025, 8, 21), 2025)).isEqualTo("late August");
        assertThat(LeadWriter.period(LocalDate.of(2025, 12, 30), 2026)).isEqualTo("late December 2025");

        IsoWeek firstWeekOf2026 = IsoWeek.parse("2026-W02");
        Deal december = announced(deal("dec", DealType.GRANT, Stage.UPSTREAM, null, DEFAULT_DEVELOPER),
                LocalDate.of(2025, 12, 22));
        assertThat(LeadWriter.write(firstWeekOf2026, List.of(december), DEFAULT_EARLIER).intro())
                .startsWith("An update for the week of 5–9 Jan 2026: 1 deal, an update announced in late December 2025.");
    }

    @Test
    void shouldKeepTheSentencesOfThreeHundredDealsShort() {
        Lead lead = LeadWriter.write(DEFAULT_WEEK, manyDeals(300), DEFAULT_EARLIER);

        assertThat(lead.title()).isEqualTo("40 new entrants join the digest in a week of 300 deals");
        assertThat(lead.intro()).isEqualTo("An update for the week of 8–12 Sep 2025: 300 deals, including 30 updates"
                + " announced in June. 100 of them disclosed a value, $15B in all; the largest is Company 297's"
                + " $298M financing with Acme Rare Earths. 40 new entrants join the digest: Argentina, Denmark,"
                + " Israel and 37 more. They are spread evenly over 5 stages, 60 each: upstream, midstream,"
                + " downstream, recycling and cross-chain.");
        assertThat(lead.sections().get(Theme.DOWNSTREAM)).isEqualTo("55 downstream deals, $2.8B disclosed:"
                + " Company 297's $298M financing with Acme Rare Earths, Company 282's $283M agreement with"
                + " Acme Rare Earths and 53 more. The United States figures in all 55.");
        assertThat(lead.sections().keySet()).containsExactly(Theme.values());
        assertThat(lead.sections().values()).allSatisfy(s -> assertThat(s).hasSizeLessThan(240));
    }

    private static Deal deal(String id, DealType type, Stage stage, Money value, Party... parties) {
        return new Deal(id, "Headline of " + id, null, type, stage, DEFAULT_REPORTED, DEFAULT_REPORTED,
                List.of(parties), null, null, null, value, null, null, null, null, null);
    }

    private static Deal located(Deal deal, Location location) {
        return new Deal(deal.externalId(), deal.headline(), null, deal.dealType(), deal.stage(), deal.announcedOn(),
                deal.reportedOn(), deal.parties(), location, null, null, deal.value(), null, null, null, null, null);
    }

    private static Deal announced(Deal deal, LocalDate announcedOn) {
        return new Deal(deal.externalId(), deal.headline(), null, deal.dealType(), deal.stage(), announcedOn,
                deal.reportedOn(), deal.parties(), deal.location(), null, null, deal.value(), null, null, null, null,
                null);
    }

    private static Money usd(long amount) {
        return money(amount, "USD");
    }

    private static Money money(long amount, String currency) {
        return new Money(BigDecimal.valueOf(amount), currency);
    }

    /** {@code count} deals over every stage, 40 countries, a third with distinct dollar values, every tenth late. */
    private static List<Deal> manyDeals(int count) {
        Stage[] stages = Stage.values();
        List<String> countries = List.of("AR", "AU", "AT", "BE", "BR", "BG", "CL", "CN", "CO", "CZ", "DK", "EG", "FI",
                "FR", "GH", "GR", "HU", "IN", "ID", "IE", "IL", "IT", "JP", "KE", "MY", "MX", "MA", "MN", "NA", "NL",
                "NZ", "NO", "PE", "PH", "PL", "PT", "SA", "ZA", "ES", "SE");
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Party party = new Party("Company " + i, PartyRole.DEVELOPER, countries.get(i % countries.size()));
            Deal deal = deal("many-" + i, DealType.values()[i % DealType.values().length], stages[i % stages.length],
                    i % 3 == 0 ? usd(1_000_000L * (i + 1)) : null, party, DEFAULT_DEVELOPER);
            deals.add(i % 10 == 0 ? announced(deal, LocalDate.of(2025, 6, 1).plusDays(i / 10)) : deal);
        }
        return deals;
    }
}
