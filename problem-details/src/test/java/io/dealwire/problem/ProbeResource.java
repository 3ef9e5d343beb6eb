package io.dealwire.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A resource that exists only in this module's tests, to provoke each kind of error. */
@Path("/probe")
public class ProbeResource {

    public enum Colour { RED, GREEN }

    /** Written in JSON by a value other than its Java name, like a capacity unit. */
    public enum Unit {
        TONNES_PER_YEAR("t/y"), TONNES("t");

        private final String json;

        Unit(String json) {
            this.json = json;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return json;
        }
    }

    public record Item(@NotBlank String name) {
    }

    public record Body(@NotBlank @Size(max = 5) String name, @NotNull Colour colour, Integer count, Unit unit,
            List<@Valid Item> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public String create(@Valid @NotNull Body body) {
        return "ok";
    }

    @GET
    public String list(@QueryParam("size") @Max(200) Integer size) {
        return "ok";
    }

    @GET
    @Path("/broken-answer")
    @Size(max = 2)
    public String brokenAnswer() {
        return "longer than allowed";
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/busy")
    public String busy() {
        throw new ProblemException(503, "try later").withHeader("Retry-After", "5");
    }
}
