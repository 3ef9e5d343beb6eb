package io.dealwire.digest.issue;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.deals.DigestDeal;
import io.dealwire.digest.send.Delivery;
import io.dealwire.digest.subscription.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Freezes an issue in one transaction: the issue row, its deals (each deal in exactly one issue) and
 * a PENDING ledger row per confirmed subscriber with at least one matching deal. After the commit
 * the sender only works through the ledger, so a crash can never lose or add a recipient.
 */
@ApplicationScoped
public class IssueFreezer {

    /** pg_advisory_xact_lock key serialising freezes across replicas (admin call and cron at once). */
    static final long FREEZE_LOCK = 0x6477_6672_6565_7a65L;

    @Inject
    IssueDeals issueDeals;

    @Inject
    EntityManager em;

    @Inject
    DigestConfig config;

    @Transactional
    public FreezeResult freeze(IsoWeek week) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1)) l")
                .setParameter(1, FREEZE_LOCK).getSingleResult();
        String name = week.toString();
        if (Issue.findById(name) != null) {
            return new FreezeResult(FreezeResult.Outcome.EXISTING, name);
        }
        List<DigestDeal> candidates = issueDeals.candidates(week);
        if (candidates.isEmpty()) {
            return new FreezeResult(FreezeResult.Outcome.EMPTY, name);
        }
        List<Deal> deals = candidates.stream().map(DigestDeal::deal).toList();
        DigestView view = DigestComposer.compose(config.digest().title(), week, deals,
                issueDeals.earlierCountries(name), DigestView.Links.of(config.publicUrl(), name, null));

        Issue issue = new Issue();
        issue.week = name;
        issue.subject = view.subject();
        issue.dealCount = deals.size();
        issue.disclosedValue = DealJson.toTree(view.disclosedTotals()).toString();
        issue.status = Issue.Status.SENDING;
        issue.frozenAt = Instant.now();
        issue.persist();
        for (DigestDeal candidate : candidates) {
            IssueDeal assigned = new IssueDeal();
            assigned.dealId = candidate.dealId;
            assigned.week = name;
            assigned.content = candidate.content;
            assigned.persist();
        }
        int recipients = 0;
        for (Subscriber subscriber : Subscriber.<Subscriber>list("status", Subscriber.Status.CONFIRMED)) {
            Subscriber.SubscriberFilter filter = subscriber.filter();
            if (deals.stream().anyMatch(filter::matches)) {
                Delivery.pending(name, subscriber.id).persist();
                recipients++;
            }
        }
        issue.recipients = recipients;
        return new FreezeResult(FreezeResult.Outcome.CREATED, name);
    }
}
