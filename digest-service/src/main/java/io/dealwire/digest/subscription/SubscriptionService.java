package io.dealwire.digest.subscription;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.subscription.SubscriberToken.Purpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Double opt-in. Every request, for a new, pending, confirmed or unsubscribed address alike, mints a
 * confirmation token carrying the asked-for preferences and mails the link: nothing changes for a
 * known subscriber until the mailbox owner confirms, and the answer never tells who is subscribed.
 */
@ApplicationScoped
public class SubscriptionService {

    static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);

    @Inject
    ConfirmationMail confirmationMail;

    @Inject
    DigestConfig config;

    /**
     * Records the request and mails the confirmation link (after the commit, outside the transaction).
     * At most one confirmation mail per address per {@code confirmation-interval} while its link is
     * unused, so nobody can flood a mailbox through this form; the caller answers the same either way.
     */
    public void request(SubscriptionRequest request) {
        String email = normalize(request.email());
        Optional<String> token;
        try {
            token = QuarkusTransaction.requiringNew().call(() -> recordRequest(email, request));
        } catch (RuntimeException e) {
            // two first requests of one address at once: the other created the subscriber, so this finds it
            token = QuarkusTransaction.requiringNew().call(() -> recordRequest(email, request));
        }
        if (token.isEmpty()) {
            return;
        }
        String raw = token.get();
        try {
            confirmationMail.send(email, request.name(), raw);
        } catch (RuntimeException e) {
            // no mail went out: the token must not hold back the retry the 503 asks for
            QuarkusTransaction.requiringNew().run(() -> SubscriberToken.delete("tokenHash", Tokens.hash(raw)));
            throw e;
        }
    }

    private Optional<String> recordRequest(String email, SubscriptionRequest request) {
        Instant now = Instant.now();
        Subscriber subscriber = Subscriber.findByEmail(email).orElseGet(() -> {
            Subscriber created = new Subscriber();
            created.email = email;
            created.status = Subscriber.Status.PENDING;
            created.createdAt = now;
            created.persist();
            return created;
        });
        // serialises concurrent requests of one address, so the interval check below cannot be raced
        Subscriber.<Subscriber>findById(subscriber.id, LockModeType.PESSIMISTIC_WRITE);
        if (SubscriberToken.count("subscriberId = ?1 and purpose = ?2 and usedAt is null and createdAt > ?3",
                subscriber.id, Purpose.CONFIRM, now.minus(config.digest().confirmationInterval())) > 0) {
            return Optional.empty();
        }
        String raw = Tokens.newToken();
        SubscriberToken token = new SubscriberToken();
        token.tokenHash = Tokens.hash(raw);
        token.subscriberId = subscriber.id;
        token.purpose = Purpose.CONFIRM;
        token.name = request.name();
        token.stages = Subscriber.join(request.stages());
        token.countries = Subscriber.join(request.countries());
        token.createdAt = now;
        token.expiresAt = now.plus(CONFIRMATION_VALIDITY);
        token.persist();
        return Optional.of(raw);
    }

    /** Confirms with a confirmation token: applies its preferences; the token is used up. */
    @Transactional
    public Optional<Subscriber> confirm(String rawToken) {
        Instant now = Instant.now();
        return SubscriberToken.findUsable(rawToken, Purpose.CONFIRM, now).map(token -> {
            token.usedAt = now;
            Subscriber subscriber = Subscriber.findById(token.subscriberId);
            subscriber.name = token.name;
            subscriber.stages = token.stages;
            subscriber.countries = token.countries;
            subscriber.status = Subscriber.Status.CONFIRMED;
            subscriber.confirmedAt = now;
            subscriber.unsubscribedAt = null;
            // a new double opt-in proves the mailbox again
            subscriber.bouncedAt = null;
            subscriber.bounceReason = null;
            subscriber.softFailedIssues = 0;
            return subscriber;
        });
    }

    @Transactional
    public Optional<Subscriber> unsubscribe(String rawToken) {
        Instant now = Instant.now();
        return unsubscribeTarget(rawToken, now).map(subscriber -> {
            if (subscriber.status != Subscriber.Status.UNSUBSCRIBED) {
                subscriber.status = Subscriber.Status.UNSUBSCRIBED;
                subscriber.unsubscribedAt = now;
            }
            return subscriber;
        });
    }

    /**
     * Undoes an unsubscribe from the same link: it proves the mailbox, so no new confirmation is needed.
     * A BOUNCED address stays BOUNCED: only a new subscription, confirmed from the mailbox, lifts that.
     */
    @Transactional
    public Optional<Subscriber> resubscribe(String rawToken) {
        Instant now = Instant.now();
        return unsubscribeTarget(rawToken, now).map(subscriber -> {
            if (subscriber.status == Subscriber.Status.BOUNCED) {
                return subscriber;
            }
            subscriber.status = Subscriber.Status.CONFIRMED;
            subscriber.confirmedAt = now;
            subscriber.unsubscribedAt = null;
            return subscriber;
        });
    }

    /**
     * The subscriber of an unsubscribe link: their stable token (every digest since Flyway V3), or a
     * per-mail token of an older digest, which stays valid.
     */
    private static Optional<Subscriber> unsubscribeTarget(String rawToken, Instant now) {
        if (!Tokens.isWellFormed(rawToken)) {
            return Optional.empty();
        }
        return Subscriber.findByUnsubscribeToken(rawToken)
                .or(() -> SubscriberToken.findUsable(rawToken, Purpose.UNSUBSCRIBE, now)
                        .map(token -> Subscriber.findById(token.subscriberId)));
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
