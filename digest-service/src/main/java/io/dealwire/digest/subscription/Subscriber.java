package io.dealwire.digest.subscription;

import io.dealwire.contract.Deal;
import io.dealwire.contract.Stage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A mailbox that asked for the digest, with its filters. Empty filters mean "everything". */
@Entity
@Table(name = "subscriber")
public class Subscriber extends PanacheEntityBase {

    /** BOUNCED: the relay refused the address for good; no issue until they subscribe (and confirm) again. */
    public enum Status { PENDING, CONFIRMED, UNSUBSCRIBED, BOUNCED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Lower-cased, so one mailbox is one subscriber whatever its spelling. */
    @Column(nullable = false, unique = true)
    public String email;

    public String name;

    /** Comma-separated {@link Stage} names; null = all stages. */
    public String stages;

    /** Comma-separated ISO 3166-1 alpha-2 codes; null = all countries. */
    public String countries;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    @Column(name = "bounced_at")
    public Instant bouncedAt;

    /** The relay's reply that made the subscriber BOUNCED. */
    @Column(name = "bounce_reason")
    public String bounceReason;

    /** Issues in a row whose mail failed softly until its attempts ran out (3 make the subscriber BOUNCED). */
    @Column(name = "soft_failed_issues", nullable = false)
    public int softFailedIssues;

    /** Put in every digest's unsubscribe link; minted once by the database (Flyway V3), never changed. */
    @Generated
    @Column(name = "unsubscribe_token", insertable = false, updatable = false)
    public String unsubscribeToken;

    public static Optional<Subscriber> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    public SubscriberFilter filter() {
        return filterOf(stages, countries);
    }

    /** The filter of the stored (comma-separated) stages and countries. */
    public static SubscriberFilter filterOf(String stages, String countries) {
        return SubscriberFilter.of(split(stages).stream().map(Stage::valueOf).collect(Collectors.toSet()),
                split(countries));
    }

    public static Optional<Subscriber> findByUnsubscribeToken(String token) {
        return find("unsubscribeToken", token).firstResultOptional();
    }

    static String join(Collection<?> values) {
        return values == null || values.isEmpty() ? null
                : values.stream().map(String::valueOf).sorted().distinct().collect(Collectors.joining(","));
    }

    static Set<String> split(String joined) {
        return joined == null || joined.isBlank() ? Set.of()
                : Arrays.stream(joined.split(",")).collect(Collectors.toSet());
    }

    /** Stages and countries a subscriber wants; a deal matches when it passes both (empty passes all). */
    public record SubscriberFilter(Set<Stage> stages, Set<String> countries) {

        public static SubscriberFilter of(Set<Stage> stages, Set<String> countries) {
            return new SubscriberFilter(Set.copyOf(stages), Set.copyOf(countries));
        }

        public static SubscriberFilter everything() {
            return new SubscriberFilter(Set.of(), Set.of());
        }

        public boolean matches(Deal deal) {
            boolean stageOk = stages.isEmpty() || stages.contains(deal.stage());
            boolean countryOk = countries.isEmpty() || deal.countries().stream().anyMatch(countries::contains);
            return stageOk && countryOk;
        }
    }
}
