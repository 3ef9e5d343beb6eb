package io.dealwire.digest.issue;

import io.dealwire.contract.Deal;
import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.edition.EditorFields;
import io.dealwire.digest.edition.Editions;
import io.dealwire.digest.subscription.Subscriber.SubscriberFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the view of an issue for a subscriber's mail, the archive, or a preview. */
@ApplicationScoped
public class IssueViews {

    @Inject
    IssueDeals issueDeals;

    @Inject
    Editions editions;

    @Inject
    DigestConfig config;

    /**
     * What every subscriber of an issue shares during one send run (its frozen deals, the countries
     * of earlier issues, its edition), read once per run instead of once per subscriber. Only the
     * sender thread uses it.
     */
    private final Map<String, FrozenIssue> run = new ConcurrentHashMap<>();

    private record FrozenIssue(Map<UUID, Deal> deals, Set<String> earlierCountries, EditorFields editor) {
    }

    /** A frozen issue as one subscriber gets it; empty when none of its deals matches their filters. */
    @Transactional
    public Optional<DigestView> forSubscriber(String week, SubscriberFilter filter, String unsubscribeUrl) {
        FrozenIssue issue = run.computeIfAbsent(week, w -> read(w).orElseThrow());
        Map<UUID, Deal> deals = new LinkedHashMap<>();
        issue.deals().forEach((id, deal) -> {
            if (filter.matches(deal)) {
                deals.put(id, deal);
            }
        });
        return deals.isEmpty() ? Optional.empty()
                : Optional.of(compose(week, deals, issue.earlierCountries(), issue.editor(), unsubscribeUrl));
    }

    /** Ends a send run: the next run reads the issues afresh. */
    public void forgetRun() {
        run.clear();
    }

    /** A frozen issue, whole, as on the web archive and in the feed. */
    @Transactional
    public Optional<DigestView> frozen(String week) {
        return read(week).map(issue -> compose(week, issue.deals(), issue.earlierCountries(), issue.editor(), null));
    }

    /**
     * The issue as it would be sent now by the admin send: the frozen one if any, else the issue
     * rule's deals today with the edition as it stands.
     */
    @Transactional
    public Optional<DigestView> preview(IsoWeek week) {
        Optional<DigestView> frozen = frozen(week.toString());
        if (frozen.isPresent()) {
            return frozen;
        }
        Map<UUID, Deal> deals = issueDeals.ofWeek(week);
        String name = week.toString();
        return deals.isEmpty() ? Optional.empty()
                : Optional.of(compose(name, deals, issueDeals.earlierCountries(name), editions.current(name), null));
    }

    private Optional<FrozenIssue> read(String week) {
        Issue issue = Issue.findById(week);
        if (issue == null) {
            return Optional.empty();
        }
        return Optional.of(new FrozenIssue(issueDeals.frozenById(week), issueDeals.earlierCountries(week),
                editions.read(issue.editor)));
    }

    private DigestView compose(String week, Map<UUID, Deal> deals, Set<String> earlierCountries, EditorFields editor,
            String unsubscribeUrl) {
        return DigestComposer.compose(config.digest().title(), IsoWeek.parse(week), deals, earlierCountries, editor,
                DigestView.Links.of(config.publicUrl(), week, unsubscribeUrl));
    }
}
