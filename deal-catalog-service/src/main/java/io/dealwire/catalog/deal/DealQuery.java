package io.dealwire.catalog.deal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's searches, in native SQL: array containment, full text and the "value" sort read
 * more plainly in SQL than in HQL. Order: reportedOn newest first, then value largest first (deals
 * without a value last), then dealId so pages never overlap.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DealQuery {

    static final String ORDER = " ORDER BY reported_on DESC, value_amount DESC NULLS LAST, deal_id";

    private final EntityManager em;

    public DealQuery(EntityManager em) {
        this.em = em;
    }

    public DealPage search(DealFilter filter) {
        Where where = where(filter);
        Query count = em.createNativeQuery("SELECT count(*) FROM {h-schema}deal" + where.sql(), Long.class);
        where.bind(count);
        long total = (Long) count.getSingleResult();
        Query select = em.createNativeQuery("SELECT * FROM {h-schema}deal" + where.sql() + ORDER, DealEntity.class)
                .setFirstResult((int) Math.min(filter.offset(), Integer.MAX_VALUE))
                .setMaxResults(filter.size());
        where.bind(select);
        @SuppressWarnings("unchecked")
        List<DealEntity> rows = select.getResultList();
        return new DealPage(rows.stream().map(DealView::of).toList(), filter.page(), filter.size(), total);
    }

    public Optional<DealView> find(UUID dealId) {
        return DealEntity.<DealEntity>findByIdOptional(dealId).map(DealView::of);
    }

    public List<RevisionView> revisions(UUID dealId) {
        return DealRevisionEntity.ofDeal(dealId).stream().map(RevisionView::of).toList();
    }

    /** The latest week with an active deal, for pages that open on "now". */
    public Optional<String> latestWeek() {
        List<?> weeks = em.createNativeQuery(
                "SELECT week FROM {h-schema}deal WHERE status = 'ACTIVE' ORDER BY reported_on DESC LIMIT 1").getResultList();
        return weeks.stream().map(String.class::cast).findFirst();
    }

    private static Where where(DealFilter f) {
        Where w = new Where();
        if (!f.includeWithdrawn()) {
            w.add("status = 'ACTIVE'");
        }
        if (f.week() != null) {
            w.add("week = :week", "week", f.week().toString());
        }
        if (f.from() != null) {
            w.add("reported_on >= :from", "from", f.from());
        }
        if (f.to() != null) {
            w.add("reported_on <= :to", "to", f.to());
        }
        if (f.stage() != null) {
            w.add("stage = :stage", "stage", f.stage().name());
        }
        if (f.dealType() != null) {
            w.add("deal_type = :dealType", "dealType", f.dealType().name());
        }
        if (f.country() != null) {
            w.add("countries @> ARRAY[CAST(:country AS text)]", "country", f.country());
        }
        if (f.element() != null) {
            w.add("elements @> ARRAY[CAST(:element AS text)]", "element", f.element().symbol());
        }
        if (f.partner() != null) {
            w.add("partner_id = :partner", "partner", f.partner());
        }
        if (f.q() != null) {
            w.add("search @@ websearch_to_tsquery('english', :q)", "q", f.q());
        }
        return w;
    }

    /** A conjunction of conditions and their named parameters. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        void add(String condition) {
            conditions.add(condition);
        }

        void add(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        void bind(Query query) {
            params.forEach(query::setParameter);
        }
    }
}
