package io.dealwire.digest.send;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;

/**
 * The real ledger, which can stop the sender as a kill would, at either point where a kill hits a
 * message: after the SMTP server accepted it but before SENT commits, or right after the commit that
 * marked it SENT and claimed the next. The run ends by the exception; nothing after it is written.
 * Passes every call through until armed (it replaces the ledger in every test of this module).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CrashingLedger extends DeliveryLedger {

    enum Point { BEFORE_SENT_COMMIT, AFTER_SENT_COMMIT }

    static final class SimulatedKill extends RuntimeException {
        SimulatedKill() {
            super("simulated kill of the sender");
        }
    }

    private int mailsLeft;
    private Point point;

    /** Kills the next run at {@code point} of its {@code mail}-th accepted mail (once). */
    synchronized void killAt(int mail, Point point) {
        this.mailsLeft = mail;
        this.point = point;
    }

    @Override
    public Optional<OutgoingDigest> markSentAndClaim(OutgoingDigest sent, Position position) {
        Point kill = due();
        if (kill == Point.BEFORE_SENT_COMMIT) {
            throw new SimulatedKill();
        }
        // not @Transactional here: the commit must be over before the kill
        Optional<OutgoingDigest> next = QuarkusTransaction.requiringNew().call(
                () -> super.markSentAndClaim(sent, position));
        if (kill == Point.AFTER_SENT_COMMIT) {
            throw new SimulatedKill();
        }
        return next;
    }

    private synchronized Point due() {
        if (point == null || --mailsLeft > 0) {
            return null;
        }
        Point due = point;
        point = null;
        return due;
    }
}
