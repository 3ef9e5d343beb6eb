package io.dealwire.digest.issue;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.edition.EditorFields;
import io.dealwire.digest.edition.Editions;
import io.dealwire.digest.send.Delivery;
import io.dealwire.digest.subscription.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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

    @Inject
    Editions editions;

    /**
     * Serialises, until the transaction ends, everything that fixes what an issue holds: freezes
     * (admin call and cron at once, across replicas) and editors' saves, so no edit lands on a week
     * being frozen.
     */
    public static void lockIssues(EntityManager em) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1)) l")
                .setParameter(1, FREEZE_LOCK).getSingleResult();
    }

    /** The admin send: frozen with the edition as it stands. */
    @Transactional
    public FreezeResult freeze(IsoWeek week) {
        return freeze(week, false, "admin");
    }

    /** The weekly job: frozen with the approved edition, else the automatic one. */
    @Transactional
    public FreezeResult freezeScheduled(IsoWeek week) {
        return freeze(week, true, "scheduler");
    }

    private FreezeResult freeze(IsoWeek week, boolean scheduled, String who) {
        lockIssues(em);
        String name = week.toString();
        if (Issue.findById(name) != null) {
            return new FreezeResult(FreezeResult.Outcome.EXISTING, name);
        }
        Map<UUID, Deal> deals = issueDeals.ofWeek(week);
        if (deals.isEmpty()) {
            return new FreezeResult(FreezeResult.Outcome.EMPTY, name);
        }
        EditorFields editor = editions.takeForFreeze(name, scheduled, who);
        DigestView view = DigestComposer.compose(config.digest().title(), week, deals,
                issueDeals.earlierCountries(name), editor, DigestView.Links.of(config.publicUrl(), name, null));

        Issue issue = new Issue();
        issue.week = name;
        issue.subject = view.subject();
        issue.dealCount = deals.size();
        issue.editor = editor == EditorFields.NONE ? null : editions.write(editor);
        issue.disclosedValue = DealJson.toTree(view.disclosedTotals()).toString();
        issue.status = Issue.Status.SENDING;
        issue.frozenAt = Instant.now();
        issue.persist();
        for (Map.Entry<UUID, Deal> deal : deals.entrySet()) {
            IssueDeal assigned = new IssueDeal();
            assigned.dealId = deal.getKey();
            assigned.week = name;
            assigned.content = DealJson.write(deal.getValue());
            assigned.persist();
        }
        int recipients = 0;
        for (Subscriber subscriber : Subscriber.<Subscriber>list("status", Subscriber.Status.CONFIRMED)) {
            Subscriber.SubscriberFilter filter = subscriber.filter();
            if (deals.values().stream().anyMatch(filter::matches)) {
                Delivery.pending(name, subscriber.id).persist();
                recipients++;
            }
        }
        issue.recipients = recipients;
        return new FreezeResult(FreezeResult.Outcome.CREATED, name);
    }
}
