package io.dealwire.digest.archive;

import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.issue.DigestRenderer;
import io.dealwire.digest.issue.Issue;
import io.dealwire.digest.issue.IssueViews;
import io.dealwire.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public web archive of frozen issues, and its Atom feed. */
@Path("/digests")
@Tag(name = "Archive", description = "Past issues on the web")
public class ArchiveResource {

    public static final String ATOM = "application/atom+xml";

    @CheckedTemplate(basePath = "archive")
    static class Templates {
        static native TemplateInstance list(List<Issue> issues);

        static native TemplateInstance feed(List<FeedEntry> entries, String publicUrl, Instant updated);
    }

    /** An issue in the feed with its whole HTML, the same edition as the archive page and the mail. */
    record FeedEntry(Issue issue, String html) {
    }

    @Inject
    IssueViews views;

    @Inject
    DigestRenderer renderer;

    @Inject
    DigestConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "List of issues, newest first")
    public TemplateInstance list() {
        return Templates.list(Issue.list("order by week desc"));
    }

    @GET
    @Path("{week}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One issue as a web page (every deal, no subscriber filter)")
    public String issue(@PathParam("week") String week) {
        if (!IsoWeek.isValid(week)) {
            throw new ProblemException(404, "No issue " + week + ".");
        }
        return views.frozen(week).map(renderer::html)
                .orElseThrow(() -> new ProblemException(404, "No issue " + week + "."));
    }

    @GET
    @Path("feed.atom")
    @Produces(ATOM)
    @Transactional
    @Operation(summary = "Atom feed of the latest 20 issues")
    public TemplateInstance feed() {
        List<Issue> issues = Issue.find("order by week desc").page(0, 20).list();
        Instant updated = issues.stream().map(i -> i.frozenAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        List<FeedEntry> entries = issues.stream()
                .map(issue -> new FeedEntry(issue, views.frozen(issue.week).map(renderer::html).orElse("")))
                .toList();
        return Templates.feed(entries, config.publicUrl(), updated);
    }
}
