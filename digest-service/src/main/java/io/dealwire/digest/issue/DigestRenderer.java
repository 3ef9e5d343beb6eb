package io.dealwire.digest.issue;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** Lays out a {@link DigestView}: email-safe HTML (tables, inline styles, 600px) and plain text. */
@ApplicationScoped
public class DigestRenderer {

    /** Below Gmail's 102 KB clip, with room for the per-subscriber token. */
    public static final int MAX_HTML_BYTES = 100_000;

    /** Deals per section tried in turn while the HTML is too big. */
    private static final int[] PER_SECTION = {40, 20, 10, 5, 3, 1};

    /** The two parts of a mail. */
    public record Parts(String html, String text) {
    }

    @CheckedTemplate(basePath = "digest")
    static class Templates {
        static native TemplateInstance issueHtml(DigestView digest);

        static native TemplateInstance issueText(DigestView digest);
    }

    /**
     * The mail of an issue, with as many deals per section as keep its HTML under {@link #MAX_HTML_BYTES}:
     * Gmail clips a message past 102 KB, hiding the rest and the unsubscribe link. The least significant
     * deals of each section go first, each section then linking to its whole list in the web archive.
     * Mails, the admin preview and the desk's preview all come from here, so a preview is what is sent.
     */
    public Parts mail(DigestView digest) {
        DigestView shown = digest;
        String html = html(shown);
        for (int i = 0; i < PER_SECTION.length && html.getBytes(StandardCharsets.UTF_8).length > MAX_HTML_BYTES; i++) {
            shown = digest.trimmed(PER_SECTION[i]);
            html = html(shown);
        }
        return new Parts(html, text(shown));
    }

    /** The whole issue as HTML, every deal shown (the web archive). */
    public String html(DigestView digest) {
        return Templates.issueHtml(digest).render();
    }

    public String text(DigestView digest) {
        return Templates.issueText(digest).render();
    }
}
