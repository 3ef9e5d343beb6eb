package io.dealwire.digest.issue;

import io.dealwire.contract.Deal;
import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.deals.DigestDeal;
import io.dealwire.digest.subscription.Subscriber.SubscriberFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the view of an issue for a subscriber's mail, the archive, or a preview. */
@ApplicationScoped
public class IssueViews {

    @Inject
    IssueDeals issueDeals;

    @Inject
    DigestConfig config;

    /**
     * What every subscriber of an issue shares during one send run (its frozen deals and the countries
     * of earlier issues), read once per run instead of once per subscriber. Only the sender thread uses it.
     */
    private final Map<String, RunIssue> run = new ConcurrentHashMap<>();

    private record RunIssue(List<Deal> deals, Set<String> earlierCountries) {
    }

    /** A frozen issue as one subscriber gets it; empty when none of its deals matches their filters. */
    @Transactional
    public Optional<DigestView> forSubscriber(String week, SubscriberFilter filter, String unsubscribeUrl) {
        RunIssue issue = run.computeIfAbsent(week,
                w -> new RunIssue(issueDeals.frozen(w), issueDeals.earlierCountries(w)));
        List<Deal> deals = issue.deals().stream().filter(filter::matches).toList();
        return deals.isEmpty() ? Optional.empty()
                : Optional.of(compose(week, deals, issue.earlierCountries(), unsubscribeUrl));
    }

    /** Ends a send run: the next run reads the issues afresh. */
    public void forgetRun() {
        run.clear();
    }

    /** A frozen issue, whole, as on the web archive. */
    @Transactional
    public Optional<DigestView> frozen(String week) {
        List<Deal> deals = issueDeals.frozen(week);
        return deals.isEmpty() ? Optional.empty() : Optional.of(compose(week, deals, null));
    }

    /** The issue as it would be sent now: the frozen one if any, else the issue rule's deals today. */
    @Transactional
    public Optional<DigestView> preview(IsoWeek week) {
        Optional<DigestView> frozen = frozen(week.toString());
        if (frozen.isPresent()) {
            return frozen;
        }
        List<Deal> deals = issueDeals.candidates(week).stream().map(DigestDeal::deal).toList();
        return deals.isEmpty() ? Optional.empty() : Optional.of(compose(week.toString(), deals, null));
    }

    private DigestView compose(String week, List<Deal> deals, String unsubscribeUrl) {
        return compose(week, deals, issueDeals.earlierCountries(week), unsubscribeUrl);
    }

    private DigestView compose(String week, List<Deal> deals, Set<String> earlierCountries, String unsubscribeUrl) {
        return DigestComposer.compose(config.digest().title(), IsoWeek.parse(week), deals,
                earlierCountries, DigestView.Links.of(config.publicUrl(), week, unsubscribeUrl));
    }
}
