package io.dealwire.digest.issue;

import io.dealwire.contract.Deal;
import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.deals.DigestDeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The issue rule and the deals of frozen issues. Callers bring the transaction. */
@ApplicationScoped
public class IssueDeals {

    @Inject
    EntityManager em;

    /**
     * The issue rule: every ACTIVE deal (not excluded by an editor) not yet in an issue whose reportedOn is on or before the
     * week's Sunday. So late reports roll forward and withdrawn deals never appear.
     */
    public List<DigestDeal> candidates(IsoWeek week) {
        return DigestDeal.list("from DigestDeal d where d.status = ?1 and d.reportedOn <= ?2"
                        + " and not exists (from IssueDeal i where i.dealId = d.dealId)"
                        + " and not exists (from ExcludedDeal x where x.dealId = d.dealId)"
                        + " order by d.reportedOn, d.dealId",
                DigestDeal.Status.ACTIVE, week.lastDay());
    }

    public List<Deal> frozen(String week) {
        return List.copyOf(frozenById(week).values());
    }

    /** A frozen issue's deals by dealId, in the order they were frozen. */
    public Map<UUID, Deal> frozenById(String week) {
        Map<UUID, Deal> deals = new LinkedHashMap<>();
        for (IssueDeal deal : IssueDeal.<IssueDeal>list("week", week)) {
            deals.put(deal.dealId, deal.deal());
        }
        return deals;
    }

    /** The deals the issue of {@code week} has now: frozen ones once frozen, else the issue rule's. */
    public Map<UUID, Deal> ofWeek(IsoWeek week) {
        if (Issue.findById(week.toString()) != null) {
            return frozenById(week.toString());
        }
        Map<UUID, Deal> deals = new LinkedHashMap<>();
        for (DigestDeal candidate : candidates(week)) {
            deals.put(candidate.dealId, candidate.deal());
        }
        return deals;
    }

    /** Countries (of parties and locations) of the deals of every issue before {@code week}. */
    @SuppressWarnings("unchecked")
    public Set<String> earlierCountries(String week) {
        List<String> codes = em.createNativeQuery("""
                SELECT p ->> 'country' FROM issue_deal d CROSS JOIN LATERAL jsonb_array_elements(d.content -> 'parties') p
                 WHERE d.week < ?1
                UNION
                SELECT d.content -> 'location' ->> 'country' FROM issue_deal d
                 WHERE d.week < ?1 AND d.content -> 'location' IS NOT NULL
                """, String.class).setParameter(1, week).getResultList();
        return new HashSet<>(codes);
    }
}
