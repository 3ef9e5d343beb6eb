package io.dealwire.digest.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.contract.Stage;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.digest.support.Mails;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage and country filters choose each reader's deals; nothing matching, no mail. Week 2026-W22. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class SubscriberFilterTest {

    private static final String WEEK = "2026-W22";
    private static final String DOWNSTREAM_READER = "filter-downstream@example.org";
    private static final String JAPAN_READER = "filter-japan@example.org";
    private static final String ESTONIA_READER = "filter-estonia@example.org";

    @InjectGreenMail
    GreenMail greenMail;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldSendEachReaderOnlyTheDealsMatchingTheirFilters() throws Exception {
        DigestFlows.subscribeAndConfirm(greenMail, DOWNSTREAM_READER, Map.of("stages", List.of("DOWNSTREAM")));
        DigestFlows.subscribeAndConfirm(greenMail, JAPAN_READER, Map.of("countries", List.of("JP")));
        DigestFlows.subscribeAndConfirm(greenMail, ESTONIA_READER,
                Map.of("countries", List.of("EE"), "stages", List.of("MIDSTREAM", "DOWNSTREAM")));
        LocalDate tuesday = LocalDate.of(2026, 5, 26);
        DigestFlows.awaitApplied(
                DigestFlows.submit(kafka, SeedDeals.dealIn("filter-us", "US magnet plant", Stage.DOWNSTREAM, tuesday, "US")),
                DigestFlows.submit(kafka, SeedDeals.dealIn("filter-ca", "Canadian mine", Stage.UPSTREAM, tuesday, "CA")),
                DigestFlows.submit(kafka, SeedDeals.dealIn("filter-ee", "Estonian refinery", Stage.MIDSTREAM, tuesday, "EE")));

        assertThat(DigestFlows.sendIssue(WEEK).statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent(WEEK);

        String downstream = onlyText(DOWNSTREAM_READER);
        assertThat(downstream).contains("US magnet plant").doesNotContain("Canadian mine", "Estonian refinery");
        String estonia = onlyText(ESTONIA_READER);
        assertThat(estonia).contains("Estonian refinery").doesNotContain("US magnet plant", "Canadian mine");
        assertThat(Mails.digests(greenMail, JAPAN_READER, WEEK)).isEmpty();
        assertThat(Mails.subject(Mails.digests(greenMail, DOWNSTREAM_READER, WEEK).get(0)))
                .endsWith(": 1 deal, €3M disclosed");
    }

    private String onlyText(String reader) {
        List<MimeMessage> mails = Mails.digests(greenMail, reader, WEEK);
        assertThat(mails).hasSize(1);
        return Mails.part(mails.get(0), "text/plain").orElseThrow();
    }
}
