package io.dealwire.digest.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.contract.DealJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** The contract's strict JSON rules for our API too: an unknown or mistyped field is a 400, never ignored. */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        DealJson.configure(mapper);
    }
}
