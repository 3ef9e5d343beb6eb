package io.dealwire.problem;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every service leaves as {@code application/problem+json}. These mappers take
 * precedence over Quarkus' built-in ones, which answer in other shapes and, in dev mode, with
 * stack traces.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.fromResponse(e.problem().withInstance(path(uri)).toResponse());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        if (FieldErrors.concernsReturnValue(e.getConstraintViolations())) {
            // our own answer broke its contract: a server error, not the caller's
            Log.errorf(e, "invalid response on %s", path(uri));
            return Problem.of(500, "internal error; it has been logged").withInstance(path(uri)).toResponse();
        }
        return badRequest("the request has invalid fields", FieldErrors.of(e.getConstraintViolations()), uri);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        // a broken constraint definition, not bad input
        Log.error("validation failed unexpectedly", e);
        return Problem.of(500, "internal error").withInstance(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response streamRead(StreamReadException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonGenerationException || e instanceof InvalidDefinitionException) {
            // writing our answer (or binding to a type we defined badly) failed: not the caller's fault
            Log.errorf(e, "JSON failure on our side for %s", path(uri));
            return Problem.of(500, "internal error; it has been logged").withInstance(path(uri)).toResponse();
        }
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder response = Response.fromResponse(
                Problem.of(status, detail(e, status)).withInstance(path(uri)).toResponse());
        if (e instanceof NotAllowedException) {
            response.allow(e.getResponse().getAllowedMethods());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.errorf(e, "unexpected error on %s", path(uri));
        return Problem.of(500, "internal error; it has been logged").withInstance(path(uri)).toResponse();
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        return badRequest("the request body is not acceptable JSON", List.of(FieldErrors.of(e)), uri);
    }

    private static Response badRequest(String detail, List<FieldError> errors, UriInfo uri) {
        return Problem.of(400, detail).withErrors(errors).withInstance(path(uri)).toResponse();
    }

    private static String detail(WebApplicationException e, int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "cannot produce the accepted media type";
            case 413 -> "the request body is too large";
            case 415 -> "unsupported content type";
            default -> status >= 500 ? "internal error" : Response.Status.fromStatusCode(status) == null
                    ? "request rejected" : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase();
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
