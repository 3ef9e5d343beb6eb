package io.dealwire.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.contract.DealJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Quarkus' ObjectMapper reads request bodies with the contract's strictness (unknown fields are a 400). */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        DealJson.configure(mapper);
    }
}
