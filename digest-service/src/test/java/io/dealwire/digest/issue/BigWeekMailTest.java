package io.dealwire.digest.issue;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealType;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.Money;
import io.dealwire.contract.Party;
import io.dealwire.contract.PartyRole;
import io.dealwire.contract.Stage;
import io.dealwire.digest.edition.EditorFields;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A 300-deal week stays under Gmail's clip size, each cut section linking to its whole list; no database. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class BigWeekMailTest {

    private static final IsoWeek DEFAULT_WEEK = IsoWeek.parse("2025-W37");
    private static final LocalDate DEFAULT_REPORTED = LocalDate.of(2025, 9, 10);
    private static final DigestView.Links DEFAULT_LINKS = DigestView.Links.of("https://dealwire.example", "2025-W37",
            "https://dealwire.example/unsubscribe/t");

    @Inject
    DigestRenderer renderer;

    @Test
    void shouldKeepTheMailOfThreeHundredDealsUnder100KbWithTheMostValuableDealsAndLinksToTheRest() {
        DigestView view = DigestComposer.compose("Rare Earth Deal Update", DEFAULT_WEEK, SeedDeals.byId(bigWeek(300)),
                Set.of(), EditorFields.NONE, DEFAULT_LINKS);

        DigestRenderer.Parts mail = renderer.mail(view);

        assertThat(renderer.html(view).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(DigestRenderer.MAX_HTML_BYTES);
        assertThat(mail.html().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DigestRenderer.MAX_HTML_BYTES);
        assertThat(mail.html()).contains("https://dealwire.example/unsubscribe/t", "By the numbers")
                .containsPattern("\\d+ more midstream deals in the web archive")
                .contains("href=\"https://dealwire.example/digests/2025-W37#midstream\"");
        assertThat(mail.text()).containsPattern("\\d+ more upstream deals: https://dealwire.example/digests/2025-W37#upstream");
        // the largest deal of a section is kept; the smallest ones go
        assertThat(mail.html()).contains("Deal 299 headline").doesNotContain("Deal 4 headline");
        assertThat(renderer.html(view)).contains("Deal 4 headline").doesNotContain("more midstream deals");
    }

    @Test
    void shouldLeaveASmallWeekWhole() {
        DigestView view = DigestComposer.compose("Rare Earth Deal Update", DEFAULT_WEEK, SeedDeals.byId(bigWeek(20)),
                Set.of(), EditorFields.NONE, DEFAULT_LINKS);

        assertThat(renderer.mail(view).html()).isEqualTo(renderer.html(view)).doesNotContain("more upstream deals");
    }

    /** {@code count} deals over the four stages, each with a value growing with its number and a long summary. */
    private static List<Deal> bigWeek(int count) {
        Stage[] stages = {Stage.UPSTREAM, Stage.MIDSTREAM, Stage.DOWNSTREAM, Stage.RECYCLING};
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deals.add(new Deal("big-" + i, "Deal " + i + " headline", "A summary of deal " + i + " that runs long. ".repeat(8),
                    DealType.AGREEMENT, stages[i % stages.length], DEFAULT_REPORTED, DEFAULT_REPORTED,
                    List.of(new Party("Company " + i, PartyRole.DEVELOPER, "US"),
                            new Party("Partner " + i, PartyRole.PARTNER, "CA")),
                    null, null, null, new Money(BigDecimal.valueOf(1_000_000L * (i + 1)), "USD"), null, null, null,
                    List.of("https://example.org/deals/" + i), null));
        }
        return deals;
    }
}
