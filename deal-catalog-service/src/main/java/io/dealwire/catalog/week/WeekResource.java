package io.dealwire.catalog.week;

import io.dealwire.contract.IsoWeek;
import io.dealwire.problem.FieldError;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Weekly figures. */
@Path("/api/v1/weeks")
@Produces(MediaType.APPLICATION_JSON)
public class WeekResource {

    private final WeekSummaryService summaries;

    public WeekResource(WeekSummaryService summaries) {
        this.summaries = summaries;
    }

    @GET
    @Path("/{week}/summary")
    @Operation(summary = "A week's figures", description = "Active deals whose reportedOn falls in the ISO week: "
            + "count and disclosed value per currency (never converted) overall and by stage, deal type and "
            + "country; the 5 largest by amount; countries no earlier week had. An empty week answers zeros.")
    public WeekSummary summary(@PathParam("week") String week) {
        return summaries.summarize(parse(week));
    }

    public static IsoWeek parse(String week) {
        try {
            return IsoWeek.parse(week);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(400, "Invalid week")
                    .withErrors(List.of(new FieldError("week", e.getMessage()))));
        }
    }
}
