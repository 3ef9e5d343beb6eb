package io.dealwire.digest.subscription;

import io.dealwire.contract.Stage;
import io.dealwire.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The subscriber's web pages. A GET never changes anything (mail scanners follow links): the
 * confirm and unsubscribe pages show a button that POSTs. The unsubscribe POST is also the RFC 8058
 * one-click target: it unsubscribes whatever the form body ({@code List-Unsubscribe=One-Click} or
 * the page's button) and whatever the content type.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Subscriber pages", description = "HTML pages linked from mails")
public class SubscriptionPages {

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance subscribe(List<Stage> stages, SubscribeForm form, String error);

        static native TemplateInstance subscribeSent();

        static native TemplateInstance confirm(String token);

        static native TemplateInstance confirmed(Subscriber subscriber);

        static native TemplateInstance unsubscribe(String token);

        static native TemplateInstance unsubscribed(String token);

        static native TemplateInstance resubscribed(boolean bounced);

        static native TemplateInstance invalidLink();
    }

    @Inject
    SubscriptionService service;

    @Inject
    Validator validator;

    @GET
    @Path("subscribe")
    @Operation(summary = "The subscribe form")
    public TemplateInstance subscribeForm() {
        return Templates.subscribe(List.of(Stage.values()), SubscribeForm.EMPTY, null);
    }

    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Submit the subscribe form (same effect as POST /api/v1/subscriptions)")
    public Response subscribe(@FormParam("email") String email, @FormParam("name") String name,
            @FormParam("stages") List<String> stages, @FormParam("countries") String countries) {
        List<Stage> chosenStages = stages == null ? List.of()
                : stages.stream().filter(SubscriptionPages::isStage).map(Stage::valueOf).toList();
        SubscribeForm form = new SubscribeForm(email, name, chosenStages, countries);
        if (stages != null && chosenStages.size() != stages.size()) {
            return badForm(form, "Please choose stages from the list.");
        }
        List<String> countryCodes = countries == null || countries.isBlank() ? List.of()
                : Arrays.stream(countries.split("[,\\s]+")).filter(c -> !c.isBlank())
                        .map(c -> c.toUpperCase(Locale.ROOT)).toList();
        SubscriptionRequest request = new SubscriptionRequest(email, name == null || name.isBlank() ? null : name.trim(),
                chosenStages, countryCodes);
        Set<ConstraintViolation<SubscriptionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return badForm(form, violations.stream().map(SubscriptionPages::explain).distinct().sorted()
                    .collect(Collectors.joining(" ")));
        }
        try {
            service.request(request);
        } catch (ProblemException e) {
            // the confirmation mail could not go out: say so on the page, keep what was typed
            Response.ResponseBuilder page = Response.status(e.problem().status()).entity(Templates.subscribe(
                    List.of(Stage.values()), form,
                    "We could not send the confirmation mail just now. Please try again in a minute."));
            e.headers().forEach(page::header); // Retry-After, as the API says it
            return page.build();
        }
        return Response.ok(Templates.subscribeSent()).build();
    }

    /** A person-readable sentence for a rejected form field. */
    private static String explain(ConstraintViolation<SubscriptionRequest> violation) {
        String field = violation.getPropertyPath().iterator().next().getName();
        return switch (field) {
            case "email" -> "Please enter a valid email address.";
            case "name" -> "Please shorten the name to 100 characters of plain text.";
            case "countries" -> "Please write countries as two-letter ISO codes separated by commas, e.g. US, CA"
                    + " (at most 50).";
            default -> "Please check the " + field + " field.";
        };
    }

    private static boolean isStage(String value) {
        return Arrays.stream(Stage.values()).anyMatch(stage -> stage.name().equals(value));
    }

    @GET
    @Path("confirm/{token}")
    @Operation(summary = "The confirm page (a button; the GET itself confirms nothing)")
    public Response confirmPage(@PathParam("token") String token) {
        return Tokens.isWellFormed(token) ? Response.ok(Templates.confirm(token)).build() : invalid();
    }

    @POST
    @Path("confirm/{token}")
    @Operation(summary = "Confirm the subscription")
    public Response confirm(@PathParam("token") String token) {
        return service.confirm(token).map(s -> Response.ok(Templates.confirmed(s)).build()).orElseGet(this::invalid);
    }

    @GET
    @Path("unsubscribe/{token}")
    @Operation(summary = "The unsubscribe page (a button; the GET itself unsubscribes nothing)")
    public Response unsubscribePage(@PathParam("token") String token) {
        return Tokens.isWellFormed(token) ? Response.ok(Templates.unsubscribe(token)).build() : invalid();
    }

    @POST
    @Path("unsubscribe/{token}")
    @Operation(summary = "Unsubscribe; also the RFC 8058 one-click target (body List-Unsubscribe=One-Click)")
    public Response unsubscribe(@PathParam("token") String token) {
        return service.unsubscribe(token).map(s -> Response.ok(Templates.unsubscribed(token)).build())
                .orElseGet(this::invalid);
    }

    @POST
    @Path("unsubscribe/{token}/resubscribe")
    @Operation(summary = "Undo an unsubscribe from the same link")
    public Response resubscribe(@PathParam("token") String token) {
        return service.resubscribe(token)
                .map(s -> Response.ok(Templates.resubscribed(s.status == Subscriber.Status.BOUNCED)).build())
                .orElseGet(this::invalid);
    }

    private Response badForm(SubscribeForm form, String error) {
        return Response.status(400).entity(Templates.subscribe(List.of(Stage.values()), form, error)).build();
    }

    private Response invalid() {
        return Response.status(404).entity(Templates.invalidLink()).build();
    }
}
