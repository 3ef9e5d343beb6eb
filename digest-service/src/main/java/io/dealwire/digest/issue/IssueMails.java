package io.dealwire.digest.issue;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.subscription.Subscriber.SubscriberFilter;
import io.dealwire.digest.subscription.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A frozen issue's mail for one subscriber. It is rendered once per (issue, filter) during a send run,
 * with a slot where the unsubscribe token goes, and only the token is put in per subscriber: the
 * rendering cost one composition and two template runs per mail before. Only the sender thread uses it.
 */
@ApplicationScoped
public class IssueMails {

    /** Rendered mails kept per run; subscribers come in id order, not by filter, so most share a few. */
    private static final int MAX_RENDERED = 64;

    public record Mail(String subject, String html, String text, String unsubscribeUrl) {
    }

    private record Key(String week, SubscriberFilter filter) {
    }

    @Inject
    IssueViews views;

    @Inject
    DigestRenderer renderer;

    @Inject
    DigestConfig config;

    /**
     * Random per instance, URL-safe and left as is by HTML escaping, so no deal text can contain it
     * by chance or on purpose.
     */
    private final String tokenSlot = Tokens.newToken();

    private final Map<Key, Optional<Mail>> rendered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<Mail>> eldest) {
            return size() > MAX_RENDERED;
        }
    };

    /** The mail; empty when none of the issue's deals matches the filter. */
    public synchronized Optional<Mail> forSubscriber(String week, SubscriberFilter filter, String unsubscribeToken) {
        Key key = new Key(week, filter);
        Optional<Mail> template = rendered.get(key);
        if (template == null) {
            template = views.forSubscriber(week, filter, unsubscribeUrl(tokenSlot))
                    .map(view -> {
                        DigestRenderer.Parts parts = renderer.mail(view);
                        return new Mail(view.subject(), parts.html(), parts.text(), unsubscribeUrl(tokenSlot));
                    });
            rendered.put(key, template);
        }
        return template.map(mail -> new Mail(mail.subject(), mail.html().replace(tokenSlot, unsubscribeToken),
                mail.text().replace(tokenSlot, unsubscribeToken), unsubscribeUrl(unsubscribeToken)));
    }

    /** Ends a send run: the next run reads and renders the issues afresh. */
    public synchronized void forgetRun() {
        rendered.clear();
        views.forgetRun();
    }

    private String unsubscribeUrl(String token) {
        return config.publicUrl() + "/unsubscribe/" + token;
    }
}
