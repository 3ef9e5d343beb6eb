package io.dealwire.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes the canonical JSON of {@link DealJson#canonical} in one streaming pass, straight to UTF-8:
 * properties sorted by name, nulls omitted (the contract mapper's inclusion), decimals stripped of
 * trailing zeros and written plainly. It used to build a tree, sort and rewrite it, which cost about
 * a tenth of the ingest's CPU per request; {@code DealIdsTest} pins the text.
 */
final class CanonicalJson {

    private static final ObjectWriter WRITER = newMapper().writerFor(Deal.class);

    private CanonicalJson() {
    }

    static byte[] write(Deal deal) {
        try {
            return WRITER.writeValueAsBytes(deal);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("deprecation") // MapperFeature on a built mapper, as in DealJson.configure
    private static ObjectMapper newMapper() {
        ObjectMapper mapper = DealJson.newMapper();
        mapper.configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
        // Records bind through their constructor: without this their properties would come first, unsorted.
        mapper.configure(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST, false);
        mapper.registerModule(new SimpleModule("canonical-decimals").addSerializer(BigDecimal.class, new Decimals()));
        return mapper;
    }

    /** 500000000.00 and 5E+8 both as 500000000; 0.50 as 0.5. */
    private static final class Decimals extends StdSerializer<BigDecimal> {
        Decimals() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            BigDecimal stripped = value.stripTrailingZeros();
            gen.writeNumber((stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString());
        }
    }
}
