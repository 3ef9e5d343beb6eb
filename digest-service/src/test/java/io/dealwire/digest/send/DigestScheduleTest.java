package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.edition.Editions;
import io.dealwire.digest.issue.FreezeResult;
import io.dealwire.digest.issue.IssueFreezer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The weekly job with {@code dealwire.digest.require-approval}: one class, its collaborators replaced
 * by recording fakes (the shared test app runs with approval not required; what the job then sends is
 * tested against the real stack in EditionApiTest).
 */
class DigestScheduleTest {

    private static final IsoWeek DEFAULT_WEEK = IsoWeek.parse("2026-W38");

    private final List<String> frozen = new ArrayList<>();
    private final List<String> triggered = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldHoldAnUnapprovedWeekAndCountItWhenApprovalIsRequired() {
        FreezeResult result = schedule(true, false).sendScheduled(DEFAULT_WEEK);

        assertThat(result.outcome()).isEqualTo(FreezeResult.Outcome.UNAPPROVED);
        assertThat(frozen).isEmpty();
        assertThat(triggered).isEmpty();
        assertThat(registry.counter("dealwire.digest.editions.unapproved.at.cron").count()).isEqualTo(1.0);
    }

    @Test
    void shouldSendAnApprovedWeekWhenApprovalIsRequired() {
        assertThat(schedule(true, true).sendScheduled(DEFAULT_WEEK).outcome()).isEqualTo(FreezeResult.Outcome.CREATED);
        assertThat(frozen).containsExactly("2026-W38");
        assertThat(triggered).hasSize(1);
    }

    @Test
    void shouldSendAnUnapprovedWeekWhenApprovalIsNotRequired() {
        assertThat(schedule(false, false).sendScheduled(DEFAULT_WEEK).outcome()).isEqualTo(FreezeResult.Outcome.CREATED);
        assertThat(frozen).containsExactly("2026-W38");
        assertThat(registry.counter("dealwire.digest.editions.unapproved.at.cron").count()).isZero();
    }

    private DigestSchedule schedule(boolean requireApproval, boolean approved) {
        DigestSchedule schedule = new DigestSchedule();
        schedule.config = config(requireApproval);
        schedule.editions = new Editions() {
            @Override
            public boolean approvedOrFrozen(String week) {
                return approved;
            }
        };
        schedule.freezer = new IssueFreezer() {
            @Override
            public FreezeResult freezeScheduled(IsoWeek week) {
                frozen.add(week.toString());
                return new FreezeResult(FreezeResult.Outcome.CREATED, week.toString());
            }
        };
        schedule.sender = new DigestSender() {
            @Override
            public void trigger() {
                triggered.add("run");
            }
        };
        DigestMetrics metrics = new DigestMetrics();
        metrics.registry = registry;
        metrics.init();
        schedule.metrics = metrics;
        return schedule;
    }

    private static DigestConfig config(boolean requireApproval) {
        DigestConfig.Digest digest = (DigestConfig.Digest) Proxy.newProxyInstance(DigestConfig.class.getClassLoader(),
                new Class<?>[] {DigestConfig.Digest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "requireApproval" -> requireApproval;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (DigestConfig) Proxy.newProxyInstance(DigestConfig.class.getClassLoader(),
                new Class<?>[] {DigestConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "digest" -> digest;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
