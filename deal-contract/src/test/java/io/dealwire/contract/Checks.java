package io.dealwire.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** The two validators of the contract, as tests use them: Bean Validation on records, and the JSON Schemas. */
final class Checks {

    static final String SCHEMA_BASE = "https://dealwire.example/schemas/v1/";
    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();
    /** Lenient plain mapper: the schema must judge documents the strict mapper would refuse to read. */
    static final ObjectMapper PLAIN = new ObjectMapper();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .regularExpressionFactory(EcmaAnchoredRegex.FACTORY)
            .build();
    static final JsonSchema DEAL_SCHEMA = FACTORY.getSchema(SchemaLocation.of(SCHEMA_BASE + "deal.schema.json"), CONFIG);
    static final JsonSchema EVENT_SCHEMA =
            FACTORY.getSchema(SchemaLocation.of(SCHEMA_BASE + "deal-event.schema.json"), CONFIG);

    private Checks() {
    }

    /** Property paths of the Bean Validation violations, sorted. */
    static Set<String> violationPaths(Object value) {
        return VALIDATOR.validate(value).stream()
                .map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static List<String> violations(Object value) {
        return VALIDATOR.validate(value).stream()
                .map(Checks::describe)
                .sorted()
                .toList();
    }

    static Set<String> schemaErrors(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static JsonNode tree(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String describe(ConstraintViolation<?> v) {
        return v.getPropertyPath() + ": " + v.getMessage();
    }

    /**
     * JSON Schema patterns are ECMA-262, where {@code $} matches only at the very end; java.util.regex
     * also matches before a final line feed, so a trailing {@code $} is turned into {@code \z}.
     */
    static final class EcmaAnchoredRegex implements RegularExpression {
        static final RegularExpressionFactory FACTORY = EcmaAnchoredRegex::new;
        private final Pattern pattern;

        private EcmaAnchoredRegex(String regex) {
            boolean trailingDollar = regex.endsWith("$") && !regex.endsWith("\\$");
            this.pattern = Pattern.compile(trailingDollar ? regex.substring(0, regex.length() - 1) + "\\z" : regex);
        }

        @Override
        public boolean matches(String value) {
            return pattern.matcher(value).find();
        }
    }
}
