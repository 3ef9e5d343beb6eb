package io.dealwire.digest.issue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.Stage;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.digest.support.Mails;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The issue rule: once per week, late reports roll forward, withdrawn deals never appear; weeks 2026-W14 to W19. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class IssueRuleTest {

    private static final String DEFAULT_READER = "rules-reader@example.org";

    @InjectGreenMail
    GreenMail greenMail;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @BeforeEach
    void subscribeOnce() {
        if (Mails.to(greenMail, DEFAULT_READER).isEmpty()) {
            DigestFlows.subscribeAndConfirm(greenMail, DEFAULT_READER, Map.of());
        }
    }

    @Test
    void shouldSendAWeekOnlyOnce() {
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("rules-once", "Once-only deal", Stage.UPSTREAM, LocalDate.of(2026, 3, 31))));
        assertThat(DigestFlows.sendIssue("2026-W14").statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent("2026-W14");
        var again = DigestFlows.sendIssue("2026-W14");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.jsonPath().getString("status")).isEqualTo("SENT");
        assertThat(again.jsonPath().getInt("dealCount")).isEqualTo(1);
        DigestFlows.awaitIssueSent("2026-W14");
        assertThat(Mails.digests(greenMail, DEFAULT_READER, "2026-W14")).hasSize(1);
        assertThat(Mails.digestsOfWeek(greenMail, "2026-W14")).hasSize(again.jsonPath().getInt("deliveries.SENT"));
    }

    @Test
    void shouldRollALateReportIntoTheNextIssueOnly() throws Exception {
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("rules-on-time", "On-time deal", Stage.UPSTREAM, LocalDate.of(2026, 4, 7))));
        assertThat(DigestFlows.sendIssue("2026-W15").statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent("2026-W15");

        DealEvent late = DigestFlows.submit(kafka,
                SeedDeals.deal("rules-late", "Late-reported deal", Stage.MIDSTREAM, LocalDate.of(2026, 4, 8)));
        DealEvent next = DigestFlows.submit(kafka,
                SeedDeals.deal("rules-next", "Next-week deal", Stage.DOWNSTREAM, LocalDate.of(2026, 4, 14)));
        DigestFlows.awaitApplied(late, next);
        assertThat(DigestFlows.sendIssue("2026-W16").statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent("2026-W16");

        String w15 = text(single("2026-W15"));
        String w16 = text(single("2026-W16"));
        assertThat(w15).contains("On-time deal").doesNotContain("Late-reported deal");
        assertThat(w16).contains("Late-reported deal", "Next-week deal").doesNotContain("On-time deal");
        assertThat(weekOf(late)).isEqualTo("2026-W16");
        given().get("/digests/2026-W15").then().statusCode(200).body(not(containsString("Late-reported deal")));
    }

    @Test
    void shouldNeverShowAWithdrawnDealAndSendNothingForAnEmptyWeek() throws Exception {
        DealEvent kept = DigestFlows.submit(kafka,
                SeedDeals.deal("rules-kept", "Kept deal", Stage.RECYCLING, LocalDate.of(2026, 4, 21)));
        DealEvent withdrawnSubmission = DigestFlows.submit(kafka,
                SeedDeals.deal("rules-withdrawn", "Withdrawn deal", Stage.RECYCLING, LocalDate.of(2026, 4, 21)));
        DealEvent withdrawal = DigestFlows.withdraw(kafka, "rules-withdrawn");
        assertThat(withdrawal.dealId()).isEqualTo(withdrawnSubmission.dealId());
        DigestFlows.awaitApplied(kept, withdrawal);
        assertThat(DigestFlows.sendIssue("2026-W17").statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent("2026-W17");
        assertThat(text(single("2026-W17"))).contains("Kept deal").doesNotContain("Withdrawn deal");
        assertThat(weekOf(withdrawal)).isNull();

        var empty = DigestFlows.sendIssue("2026-W19");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.jsonPath().getString("status")).isEqualTo("EMPTY");
        given().header("Authorization", "Bearer " + DigestFlows.ADMIN_KEY).get("/api/v1/digests/2026-W19")
                .then().statusCode(404);
        assertThat(Mails.digestsOfWeek(greenMail, "2026-W19")).isEmpty();
        assertThat(weekOf(withdrawal)).isNull();
    }

    @Test
    void shouldRefuseAWeekThatHasNotStarted() {
        assertThat(DigestFlows.sendIssue("2099-W01").statusCode()).isEqualTo(400);
        assertThat(DigestFlows.sendIssue("2026-W1").statusCode()).isEqualTo(400);
    }

    private MimeMessage single(String week) {
        List<MimeMessage> mails = Mails.digests(greenMail, DEFAULT_READER, week);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String text(MimeMessage mail) {
        return Mails.part(mail, "text/plain").orElseThrow();
    }

    private static String weekOf(DealEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IssueDeal assigned = IssueDeal.findById(event.dealId());
            return assigned == null ? null : assigned.week;
        });
    }
}
