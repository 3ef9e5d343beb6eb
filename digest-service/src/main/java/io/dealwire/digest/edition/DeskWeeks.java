package io.dealwire.digest.edition;

import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.deals.DigestDeal;
import io.dealwire.digest.issue.Issue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The weeks the desk lists: those an editor can still work on (unissued deals reported in them, or an
 * edition not yet sent) and the last few sent issues, read-only.
 */
@ApplicationScoped
public class DeskWeeks {

    /** How many sent issues the desk shows: enough to look back at, not an archive. */
    static final int SENT_SHOWN = 4;

    @Inject
    EntityManager em;

    /**
     * Weeks still open, newest first. A week counts the unissued ACTIVE deals reported in it (not
     * excluded); an issue sent now would also take earlier weeks' leftovers (the issue rule), which the
     * week's page shows. A week already frozen is not open even if a late report falls in it: that deal
     * rolls into the next issue.
     */
    @Transactional
    public List<DeskWeek> open() {
        Map<IsoWeek, Long> deals = new TreeMap<>(Comparator.reverseOrder());
        List<Object[]> perDay = em.createQuery("select d.reportedOn, count(d) from DigestDeal d"
                        + " where d.status = ?1 and d.reportedOn is not null"
                        + " and not exists (from IssueDeal i where i.dealId = d.dealId)"
                        + " and not exists (from ExcludedDeal x where x.dealId = d.dealId)"
                        + " group by d.reportedOn", Object[].class)
                .setParameter(1, DigestDeal.Status.ACTIVE).getResultList();
        for (Object[] day : perDay) {
            deals.merge(IsoWeek.of((LocalDate) day[0]), (Long) day[1], Long::sum);
        }
        Map<IsoWeek, Edition.Status> statuses = new TreeMap<>();
        for (Edition edition : Edition.<Edition>list("status <> ?1", Edition.Status.SENT)) {
            statuses.put(IsoWeek.parse(edition.week), edition.status);
            deals.putIfAbsent(IsoWeek.parse(edition.week), 0L);
        }
        Set<String> frozen = frozenAmong(deals.keySet());
        return deals.entrySet().stream().filter(week -> !frozen.contains(week.getKey().toString()))
                .map(week -> new DeskWeek(week.getKey().toString(), week.getValue(),
                        statuses.getOrDefault(week.getKey(), Edition.Status.DRAFT)))
                .toList();
    }

    /** The last sent (frozen) issues, newest first, with the deals they were frozen with. */
    @Transactional
    public List<DeskWeek> recentlySent() {
        return Issue.<Issue>find("order by week desc").page(0, SENT_SHOWN).list().stream()
                .map(issue -> new DeskWeek(issue.week, issue.dealCount, Edition.Status.SENT)).toList();
    }

    private Set<String> frozenAmong(Set<IsoWeek> weeks) {
        if (weeks.isEmpty()) {
            return Set.of();
        }
        List<String> names = weeks.stream().map(IsoWeek::toString).toList();
        return new HashSet<>(em.createQuery("select i.week from Issue i where i.week in ?1", String.class)
                .setParameter(1, names).getResultList());
    }
}
