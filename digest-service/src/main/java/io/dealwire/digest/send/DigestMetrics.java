package io.dealwire.digest.send;

import io.dealwire.digest.subscription.Subscriber;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Prometheus figures: {@code dealwire_digest_subscribers{state}} and
 * {@code dealwire_digest_deliveries_open} (refreshed periodically from the database),
 * {@code dealwire_digest_mails_sent_total}, {@code dealwire_digest_mails_failed_total{reason}},
 * {@code dealwire_digest_smtp_transient_failures_total} (relay down), {@code dealwire_digest_mails_deferred_total}
 * (refused softly, set aside), {@code dealwire_digest_mails_outcome_unknown_total} (lost after the final
 * dot: alert on it), {@code dealwire_digest_bounces_total} (addresses made BOUNCED),
 * {@code dealwire_digest_editions_unapproved_at_cron_total} (a week held back for approval) and the {@code dealwire_digest_mail_send_seconds}
 * timer, whose rate is the send rate.
 */
@Startup
@ApplicationScoped
public class DigestMetrics {

    private static final Logger LOG = Logger.getLogger(DigestMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    private final Map<Subscriber.Status, AtomicLong> subscribers = new EnumMap<>(Subscriber.Status.class);
    private final AtomicLong openDeliveries = new AtomicLong();
    private Counter sent;
    private Counter transientFailures;
    private Counter deferred;
    private Counter outcomeUnknown;
    private Counter bounces;
    private Counter unapproved;
    private Timer sendTimer;

    @PostConstruct
    void init() {
        for (Subscriber.Status status : Subscriber.Status.values()) {
            AtomicLong value = new AtomicLong();
            subscribers.put(status, value);
            registry.gauge("dealwire.digest.subscribers", Tags.of("state", status.name()), value);
        }
        registry.gauge("dealwire.digest.deliveries.open", openDeliveries);
        sent = registry.counter("dealwire.digest.mails.sent");
        transientFailures = registry.counter("dealwire.digest.smtp.transient.failures");
        deferred = registry.counter("dealwire.digest.mails.deferred");
        outcomeUnknown = registry.counter("dealwire.digest.mails.outcome.unknown");
        bounces = registry.counter("dealwire.digest.bounces");
        unapproved = registry.counter("dealwire.digest.editions.unapproved.at.cron");
        sendTimer = registry.timer("dealwire.digest.mail.send");
    }

    void sent(long nanos) {
        sent.increment();
        sendTimer.record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(String reason) {
        registry.counter("dealwire.digest.mails.failed", "reason", reason).increment();
    }

    /** The weekly job found the week's edition unapproved while approval is required. */
    public void unapprovedAtCron() {
        unapproved.increment();
    }

    void transientFailure() {
        transientFailures.increment();
    }

    void deferred() {
        deferred.increment();
    }

    void outcomeUnknown() {
        outcomeUnknown.increment();
    }

    void bounced() {
        bounces.increment();
    }

    @Scheduled(identity = "digest-metrics", every = "${dealwire.digest.metrics-refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(this::readCounts);
        } catch (RuntimeException e) {
            // database unreachable: keep the last figures; the datasource health check reports the outage
            LOG.debugf("Gauges not refreshed: %s", e.getMessage());
        }
    }

    private void readCounts() {
        subscribers.values().forEach(v -> v.set(0));
        List<Object[]> rows = em.createQuery("select s.status, count(s) from Subscriber s group by s.status",
                Object[].class).getResultList();
        for (Object[] row : rows) {
            subscribers.get((Subscriber.Status) row[0]).set((Long) row[1]);
        }
        openDeliveries.set(Delivery.count("status in ?1", List.of(Delivery.Status.PENDING, Delivery.Status.SENDING)));
    }
}
