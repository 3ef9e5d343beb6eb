package io.dealwire.digest.send;

import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.edition.Editions;
import io.dealwire.digest.issue.FreezeResult;
import io.dealwire.digest.issue.IssueFreezer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/** When sending happens: the weekly cron, a resume at startup, and a periodic poll for unfinished issues. */
@ApplicationScoped
public class DigestSchedule {

    private static final Logger LOG = Logger.getLogger(DigestSchedule.class);

    @Inject
    IssueFreezer freezer;

    @Inject
    DigestSender sender;

    @Inject
    DigestConfig config;

    @Inject
    Editions editions;

    @Inject
    DigestMetrics metrics;

    /** Freezes and sends the current week (in {@code dealwire.digest.zone}). */
    @Scheduled(identity = "weekly-digest", cron = "${dealwire.digest.cron}", timeZone = "${dealwire.digest.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendCurrentWeek() {
        sendScheduled(IsoWeek.of(LocalDate.now(config.digest().zone())));
    }

    /** What the weekly job does for {@code week}: freeze it with its approved (else automatic) edition and send. */
    public FreezeResult sendScheduled(IsoWeek week) {
        if (config.digest().requireApproval() && !editions.approvedOrFrozen(week.toString())) {
            metrics.unapprovedAtCron();
            LOG.warnf("Weekly digest %s not sent: dealwire.digest.require-approval is on and its edition is not"
                    + " approved (approve it at /desk, or send it with the admin call)", week);
            return new FreezeResult(FreezeResult.Outcome.UNAPPROVED, week.toString());
        }
        FreezeResult result = freezer.freezeScheduled(week);
        LOG.infof("Weekly digest %s: %s", week, result.outcome());
        sender.trigger();
        return result;
    }

    /** Picks up an issue left unfinished (crash, SMTP outage, another replica that died). */
    @Scheduled(identity = "digest-resume", every = "${dealwire.digest.resume-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resume() {
        sender.trigger();
    }

    void onStart(@Observes StartupEvent event) {
        sender.trigger();
    }
}
