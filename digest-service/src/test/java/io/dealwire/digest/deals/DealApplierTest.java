package io.dealwire.digest.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.Stage;
import io.dealwire.contract.Topics;
import io.dealwire.digest.deals.DealApplier.Outcome;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The applier cannot go back in time: a stale write after a newer one changes nothing, two first
 * inserts of a deal meet without a unique violation, and a zombie consumer of the real topic (group
 * {@code digest-zombie-test}, not the app's) cannot bring a withdrawn deal back, not even when its write
 * waits for the row the successor is writing. Deals here are reported
 * in 2026-W46, which no other class uses, and every one ends withdrawn, so no issue shows it. Same test
 * resources as {@link DealConsumerTest}: the same app start.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class DealApplierTest {

    private static final LocalDate REPORTED_ON = LocalDate.of(2026, 11, 10); // 2026-W46
    private static final Instant OCCURRED_AT = Instant.parse("2026-11-10T09:00:00Z");
    private static final int PARTITION = 0;
    private static final String ZOMBIE_GROUP = "digest-zombie-test";
    private static final Duration POLL = Duration.ofMillis(200);

    private static ExecutorService threads;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DealApplier applier;

    @BeforeAll
    static void startThreads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldChangeNothingWhenAStaleWriteComesAfterANewerOne() {
        String externalId = externalId("stale");
        DealEvent submitted = submission(externalId, "Stale submission");
        DealEvent withdrawn = withdrawal(externalId);

        // the successor applied the withdrawal at offset 5; the zombie's submission at offset 3 comes late
        assertThat(applier.apply(withdrawn, PARTITION, 5)).isEqualTo(Outcome.APPLIED);
        assertThat(applier.apply(submitted, PARTITION, 3)).isEqualTo(Outcome.DUPLICATE);

        DigestDeal stored = stored(withdrawn);
        assertThat(stored.status).isEqualTo(DigestDeal.Status.WITHDRAWN);
        assertThat(stored.lastEventId).isEqualTo(withdrawn.eventId());
        assertThat(stored.lastOffset).isEqualTo(5);
        // a withdrawal of a deal never seen: ids kept, no content
        assertThat(stored.content).isNull();
        assertThat(stored.reportedOn).isNull();
    }

    /**
     * The race itself: the zombie checks while the successor's withdrawal is written but not committed,
     * and its write waits for the row. A check made before that wait (read, then write) would let the
     * zombie's older submission overwrite the withdrawal; the statement checks again once the row is free.
     */
    @Test
    void shouldNotLetAStaleWriteWaitingForTheRowOverwriteANewerOne() throws Exception {
        String externalId = externalId("waiting");
        DealEvent first = submission(externalId, "First version");
        DealEvent second = submission(externalId, "Second version, held by the zombie");
        DealEvent withdrawn = withdrawal(externalId);
        applier.apply(first, PARTITION, 50);

        CountDownLatch withdrawalWritten = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Outcome> successor = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            Outcome outcome = applier.apply(withdrawn, PARTITION, 52);
            DigestDeal.flush(); // written (the row locked), not committed
            withdrawalWritten.countDown();
            assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
            return outcome;
        }));
        try {
            assertThat(withdrawalWritten.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Outcome> zombie = threads.submit(() -> applier.apply(second, PARTITION, 51));
            await().atMost(DigestFlows.PATIENCE).until(() -> sessionsWaitingForALock() > 0);
            commit.countDown();

            assertThat(successor.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.APPLIED);
            assertThat(zombie.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.DUPLICATE);
        } finally {
            commit.countDown();
        }
        DigestDeal stored = stored(withdrawn);
        assertThat(stored.status).isEqualTo(DigestDeal.Status.WITHDRAWN);
        assertThat(stored.lastEventId).isEqualTo(withdrawn.eventId());
        assertThat(stored.deal().headline()).isEqualTo("First version");
    }

    @Test
    void shouldApplyTheSameEventOnlyOnce() {
        String externalId = externalId("same-event");
        DealEvent submitted = submission(externalId, "Submitted twice");

        assertThat(applier.apply(submitted, PARTITION, 10)).isEqualTo(Outcome.APPLIED);
        Instant firstApplied = stored(submitted).updatedAt;
        // the same event at a later offset (published twice) is still the event last applied
        assertThat(applier.apply(submitted, PARTITION, 11)).isEqualTo(Outcome.DUPLICATE);
        assertThat(applier.apply(submitted, PARTITION, 10)).isEqualTo(Outcome.DUPLICATE);

        DigestDeal stored = stored(submitted);
        assertThat(stored.updatedAt).isEqualTo(firstApplied);
        assertThat(stored.lastOffset).isEqualTo(10);
        withdrawAt(externalId, 12);
    }

    @Test
    void shouldApplyAnEarlierEventAgainAtALaterOffset() {
        String externalId = externalId("a-b-a");
        DealEvent a = submission(externalId, "Version A");
        DealEvent b = submission(externalId, "Version B");

        assertThat(applier.apply(a, PARTITION, 20)).isEqualTo(Outcome.APPLIED);
        assertThat(applier.apply(b, PARTITION, 21)).isEqualTo(Outcome.APPLIED);
        assertThat(stored(a).deal().headline()).isEqualTo("Version B");
        // submitting A again later is a real change back to A
        assertThat(applier.apply(a, PARTITION, 22)).isEqualTo(Outcome.APPLIED);

        DigestDeal stored = stored(a);
        assertThat(stored.deal().headline()).isEqualTo("Version A");
        assertThat(stored.lastEventId).isEqualTo(a.eventId());
        assertThat(stored.lastOffset).isEqualTo(22);
        withdrawAt(externalId, 23);
    }

    @Test
    void shouldKeepTheContentOfTheLastSubmissionOnWithdrawal() {
        String externalId = externalId("keep-content");
        DealEvent submitted = submission(externalId, "Kept on withdrawal");
        applier.apply(submitted, PARTITION, 30);

        DealEvent withdrawn = withdrawAt(externalId, 31);

        DigestDeal stored = stored(withdrawn);
        assertThat(stored.status).isEqualTo(DigestDeal.Status.WITHDRAWN);
        assertThat(stored.deal().headline()).isEqualTo("Kept on withdrawal");
        assertThat(stored.reportedOn).isEqualTo(REPORTED_ON);
        assertThat(stored.occurredAt).isEqualTo(withdrawn.occurredAt());
    }

    @Test
    void shouldApplyAnEventFromAnotherPartition() {
        String externalId = externalId("other-partition");
        assertThat(applier.apply(submission(externalId, "Before the partition count changed"), 1, 500))
                .isEqualTo(Outcome.APPLIED);

        // after the topic's partition count changed, the deal's events arrive elsewhere at lower offsets
        DealEvent withdrawn = withdrawal(externalId);
        assertThat(applier.apply(withdrawn, 2, 7)).isEqualTo(Outcome.APPLIED);

        assertThat(stored(withdrawn).status).isEqualTo(DigestDeal.Status.WITHDRAWN);
        assertThat(stored(withdrawn).lastPartition).isEqualTo(2);
    }

    @Test
    void shouldLetTheHigherOffsetWinWhenTwoFirstInsertsMeet() throws Exception {
        for (int round = 0; round < 20; round++) {
            String externalId = externalId("first-insert-" + round);
            DealEvent submitted = submission(externalId, "First insert race " + round);
            DealEvent withdrawn = withdrawal(externalId);
            // half the rounds the submission is the later record, half the withdrawal
            boolean submissionLater = round % 2 == 0;
            long submittedAt = submissionLater ? 41 : 40;
            long withdrawnAt = submissionLater ? 40 : 41;

            CountDownLatch start = new CountDownLatch(1);
            Future<Outcome> submitting = threads.submit(() -> {
                start.await();
                return applier.apply(submitted, PARTITION, submittedAt);
            });
            Future<Outcome> withdrawing = threads.submit(() -> {
                start.await();
                return applier.apply(withdrawn, PARTITION, withdrawnAt);
            });
            start.countDown();
            // get() rethrows anything the applier threw (a 23505 among it)
            Outcome submittedOutcome = submitting.get(30, TimeUnit.SECONDS);
            Outcome withdrawnOutcome = withdrawing.get(30, TimeUnit.SECONDS);

            DealEvent later = submissionLater ? submitted : withdrawn;
            assertThat(submissionLater ? submittedOutcome : withdrawnOutcome).isEqualTo(Outcome.APPLIED);
            assertThat(rowsOf(submitted.dealId())).isEqualTo(1);
            DigestDeal stored = stored(later);
            assertThat(stored.lastEventId).as("round %d", round).isEqualTo(later.eventId());
            assertThat(stored.lastOffset).isEqualTo(41);
            if (submissionLater) {
                assertThat(stored.status).isEqualTo(DigestDeal.Status.ACTIVE);
                withdrawAt(externalId, 42);
            } else {
                assertThat(stored.status).isEqualTo(DigestDeal.Status.WITHDRAWN);
            }
        }
    }

    /**
     * Consumer A polls the submission and stalls; A's partition is revoked (A leaves the group, as a
     * consumer kicked out for exceeding max.poll.interval.ms does) and consumer B, same group, applies
     * the submission and the withdrawal; then A, the zombie, applies the submission it still holds.
     */
    @Test
    void shouldKeepAWithdrawnDealWithdrawnWhenAZombieAppliesAfterARevoke() {
        String externalId = externalId("zombie");
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics(Topics.dlq(Topics.DIGEST_GROUP));
        try (KafkaConsumer<String, String> a = zombieGroupConsumer("a");
                KafkaConsumer<String, String> b = zombieGroupConsumer("b")) {
            DealEvent submitted = DigestFlows.submit(kafka,
                    SeedDeals.deal(externalId, "Deal a zombie resubmits", Stage.UPSTREAM, REPORTED_ON));
            DealEvent withdrawn = DigestFlows.withdraw(kafka, externalId);
            String key = submitted.dealId().toString();

            Set<TopicPartition> revokedFromA = new CopyOnWriteArraySet<>();
            a.subscribe(List.of(Topics.DEALS), new RevokeRecorder(revokedFromA));
            ConsumerRecord<String, String> stale = pollUntil(a, key, submitted).get(0);

            a.unsubscribe(); // the revoke: A leaves the group still holding the record
            assertThat(revokedFromA).contains(new TopicPartition(Topics.DEALS, stale.partition()));

            b.subscribe(List.of(Topics.DEALS));
            for (ConsumerRecord<String, String> record : pollUntil(b, key, withdrawn)) {
                applier.apply(DealJson.readEvent(record.value()), record.partition(), record.offset());
            }
            assertThat(stored(withdrawn).status).isEqualTo(DigestDeal.Status.WITHDRAWN);

            assertThat(applier.apply(DealJson.readEvent(stale.value()), stale.partition(), stale.offset()))
                    .isEqualTo(Outcome.DUPLICATE);
            assertThat(stored(withdrawn).status).isEqualTo(DigestDeal.Status.WITHDRAWN);
            assertThat(stored(withdrawn).lastEventId).isEqualTo(withdrawn.eventId());

            // the app's own consumer (group digest) met the same records: nothing dead-lettered. A
            // poison record on the key comes after them in the partition, so its dead letter is the last.
            DigestFlows.awaitApplied(withdrawn);
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.DEALS, key, "not an event"))
                    .awaitCompletion();
            await().atMost(DigestFlows.PATIENCE)
                    .until(() -> deadLetters.getRecords().stream().anyMatch(r -> key.equals(r.key())));
            assertThat(deadLetters.getRecords().stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value))
                    .containsExactly("not an event");
        } finally {
            deadLetters.stop();
        }
    }

    /**
     * Polls until the record of {@code last} is read, and returns the records of {@code key} read up to
     * it, in offset order (a consumer of a new group reads the topic from the start).
     */
    private static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer, String key,
            DealEvent last) {
        String lastEventId = last.eventId().toString();
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        await().atMost(DigestFlows.PATIENCE).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (key.equals(record.key())) {
                    read.add(record);
                }
            }
            return read.stream().anyMatch(r -> r.value() != null && r.value().contains(lastEventId));
        });
        int end = 0;
        while (!read.get(end).value().contains(lastEventId)) {
            end++;
        }
        return read.subList(0, end + 1);
    }

    private KafkaConsumer<String, String> zombieGroupConsumer(String name) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, ZOMBIE_GROUP);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, ZOMBIE_GROUP + "-" + name);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private record RevokeRecorder(Set<TopicPartition> revoked) implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            revoked.addAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }

    private DealEvent withdrawAt(String externalId, long offset) {
        DealEvent withdrawn = withdrawal(externalId);
        assertThat(applier.apply(withdrawn, PARTITION, offset)).isEqualTo(Outcome.APPLIED);
        return withdrawn;
    }

    private static DealEvent submission(String externalId, String headline) {
        Deal deal = SeedDeals.deal(externalId, headline, Stage.UPSTREAM, REPORTED_ON);
        return DealEvent.submitted(SeedDeals.DEFAULT_PARTNER, deal, OCCURRED_AT);
    }

    private static DealEvent withdrawal(String externalId) {
        return DealEvent.withdrawn(SeedDeals.DEFAULT_PARTNER, externalId, OCCURRED_AT.plusSeconds(60));
    }

    private static String externalId(String name) {
        return "applier-" + name + "-" + UUID.randomUUID();
    }

    private static DigestDeal stored(DealEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(
                DigestDeal.<DigestDeal>findById(event.dealId())).orElseThrow());
    }

    /** Sessions of this test's database waiting for a lock (the zombie's write waiting for the row). */
    private static long sessionsWaitingForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) DigestDeal.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .getSingleResult()).longValue());
    }

    private static long rowsOf(UUID dealId) {
        return QuarkusTransaction.requiringNew().call(() -> DigestDeal.count("dealId", dealId));
    }
}
