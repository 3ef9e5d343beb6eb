package io.dealwire.contract.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Reads a date only from a {@code "YYYY-MM-DD"} string that is a real calendar day. The stock
 * jsr310 deserializer also takes arrays, epoch days and date-times, which the JSON Schema
 * ({@code format: date}) rejects; being as strict keeps records and schema in agreement.
 */
public class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public StrictLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
        }
        String text = p.getText();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // falls through to the same error as a malformed date
            }
        }
        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                "must be an ISO date YYYY-MM-DD that exists in the calendar");
    }
}
