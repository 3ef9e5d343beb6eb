package io.dealwire.catalog.browse;

import io.dealwire.catalog.deal.DealFilter;
import io.dealwire.catalog.deal.DealPage;
import io.dealwire.catalog.deal.DealQuery;
import io.dealwire.catalog.deal.DealView;
import io.dealwire.catalog.deal.RevisionView;
import io.dealwire.catalog.week.WeekResource;
import io.dealwire.contract.DealType;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.Stage;
import io.dealwire.problem.FieldError;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The deal browser: server-rendered pages over the same queries as the API. Partner text is
 * escaped by Qute (never {@code raw}).
 */
@Path("/deals")
@Produces(MediaType.TEXT_HTML)
public class DealBrowserResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance week(WeekPage page);

        static native TemplateInstance deal(DealView deal, List<RevisionView> revisions);

        static native TemplateInstance error(int status, String title, String detail, List<FieldError> errors);
    }

    private final DealQuery query;

    public DealBrowserResource(DealQuery query) {
        this.query = query;
    }

    @GET
    @Operation(summary = "Web page: a week's deals grouped by stage, with filters")
    public TemplateInstance week(@QueryParam("week") String week, @QueryParam("stage") String stage,
            @QueryParam("dealType") String dealType, @QueryParam("country") String country) {
        IsoWeek shown = week == null || week.isBlank()
                ? IsoWeek.parse(query.latestWeek().orElse(IsoWeek.of(LocalDate.now(ZoneOffset.UTC)).toString()))
                : WeekResource.parse(week);
        DealFilter filter = DealFilter.parse(new DealFilter.Params(shown.toString(), null, null, stage, dealType,
                country, null, null, null, null, "0", Integer.toString(DealFilter.MAX_SIZE)));
        DealPage deals = query.search(filter);
        List<StageGroup> groups = Arrays.stream(Stage.values())
                .map(s -> new StageGroup(s, StageGroup.titleOf(s),
                        deals.items().stream().filter(d -> d.deal().stage() == s).toList()))
                .filter(g -> !g.deals().isEmpty())
                .toList();
        return Templates.week(new WeekPage(shown.toString(), shown.previous().toString(), shown.next().toString(),
                shown.firstDay().toString(), shown.lastDay().toString(), blankToEmpty(stage), blankToEmpty(dealType),
                blankToEmpty(country), deals.total(), groups, List.of(Stage.values()), List.of(DealType.values())));
    }

    @GET
    @Path("/{dealId}")
    @Operation(summary = "Web page: one deal with its revisions")
    public TemplateInstance deal(@PathParam("dealId") String dealId) {
        UUID id = parseId(dealId);
        DealView deal = query.find(id).orElseThrow(() -> new ProblemException(404, "No deal " + id));
        return Templates.deal(deal, query.revisions(id));
    }

    /**
     * People read these pages, so a bad parameter or an unknown deal answers an HTML page with the
     * reason and a way back, not problem+json (this mapper applies to this resource only).
     */
    @ServerExceptionMapper
    public Response htmlError(ProblemException e) {
        Problem problem = e.problem();
        String page = Templates.error(problem.status(), problem.title(), problem.detail(),
                problem.errors() == null ? List.of() : problem.errors()).render();
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page)
                .build();
    }

    private static UUID parseId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Invalid deal id: must be a UUID");
        }
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value;
    }
}
