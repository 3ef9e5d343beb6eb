package io.dealwire.digest.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.digest.issue.Issue;
import io.dealwire.digest.send.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class IssueStates {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Optional<IssueState> of(String week) {
        Issue issue = Issue.findById(week);
        if (issue == null) {
            return Optional.empty();
        }
        Map<String, Long> deliveries = new LinkedHashMap<>();
        for (Delivery.Status status : Delivery.Status.values()) {
            deliveries.put(status.name(), 0L);
        }
        em.createQuery("select d.status, count(d) from Delivery d where d.id.week = ?1 group by d.status",
                        Object[].class)
                .setParameter(1, week).getResultList()
                .forEach(row -> deliveries.put(((Delivery.Status) row[0]).name(), (Long) row[1]));
        return Optional.of(new IssueState(issue.week, issue.status.name(), issue.subject, issue.dealCount,
                totals(issue.disclosedValue), issue.recipients, deliveries, issue.frozenAt, issue.completedAt,
                issue.summaryPublishedAt));
    }

    private Map<String, BigDecimal> totals(String json) {
        try {
            return mapper.readValue(json, new TypeReference<LinkedHashMap<String, BigDecimal>>() {
            });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
