package io.dealwire.digest.subscription;

import io.dealwire.digest.subscription.SubscriberToken.Purpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** Records the request and mails the confirmation link (after the commit, outside the transaction). */
    public void request(SubscriptionRequest request) {
        String email = normalize(request.email());
        String token;
        try {
            token = QuarkusTransaction.requiringNew().call(() -> recordRequest(email, request));
        } catch (RuntimeException e) {
            // two first requests of one address at once: the other created the subscriber, so this finds it
            token = QuarkusTransaction.requiringNew().call(() -> recordRequest(email, request));
        }
        confirmationMail.send(email, request.name(), token);
    }

    private String recordRequest(String email, SubscriptionRequest request) {
        Instant now = Instant.now();
        Subscriber subscriber = Subscriber.findByEmail(email).orElseGet(() -> {
            Subscriber created = new Subscriber();
            created.email = email;
            created.status = Subscriber.Status.PENDING;
            created.createdAt = now;
            created.persist();
            return created;
        });
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
        return raw;
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
            return subscriber;
        });
    }

    @Transactional
    public Optional<Subscriber> unsubscribe(String rawToken) {
        Instant now = Instant.now();
        return SubscriberToken.findUsable(rawToken, Purpose.UNSUBSCRIBE, now).map(token -> {
            Subscriber subscriber = Subscriber.findById(token.subscriberId);
            if (subscriber.status != Subscriber.Status.UNSUBSCRIBED) {
                subscriber.status = Subscriber.Status.UNSUBSCRIBED;
                subscriber.unsubscribedAt = now;
            }
            return subscriber;
        });
    }

    /** Undoes an unsubscribe from the same link: it proves the mailbox, so no new confirmation is needed. */
    @Transactional
    public Optional<Subscriber> resubscribe(String rawToken) {
        Instant now = Instant.now();
        return SubscriberToken.findUsable(rawToken, Purpose.UNSUBSCRIBE, now).map(token -> {
            Subscriber subscriber = Subscriber.findById(token.subscriberId);
            subscriber.status = Subscriber.Status.CONFIRMED;
            subscriber.confirmedAt = now;
            subscriber.unsubscribedAt = null;
            return subscriber;
        });
    }

    /** A fresh unsubscribe token for one digest mail; joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String mintUnsubscribeToken(long subscriberId) {
        String raw = Tokens.newToken();
        SubscriberToken token = new SubscriberToken();
        token.tokenHash = Tokens.hash(raw);
        token.subscriberId = subscriberId;
        token.purpose = Purpose.UNSUBSCRIBE;
        token.createdAt = Instant.now();
        token.persist();
        return raw;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
