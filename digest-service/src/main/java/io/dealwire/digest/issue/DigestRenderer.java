package io.dealwire.digest.issue;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/** Lays out a {@link DigestView}: email-safe HTML (tables, inline styles, 600px) and plain text. */
@ApplicationScoped
public class DigestRenderer {

    @CheckedTemplate(basePath = "digest")
    static class Templates {
        static native TemplateInstance issueHtml(DigestView digest);

        static native TemplateInstance issueText(DigestView digest);
    }

    public String html(DigestView digest) {
        return Templates.issueHtml(digest).render();
    }

    public String text(DigestView digest) {
        return Templates.issueText(digest).render();
    }
}
