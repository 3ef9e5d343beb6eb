package io.dealwire.ingest.partner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;

/**
 * {@code dealwire.partners.<partnerId>.*}: who may call the partner API. Only hashes of keys are
 * configured, several per partner so a key can be rotated without downtime.
 */
@ConfigMapping(prefix = "dealwire.partners")
public interface PartnersConfig {

    @WithParentName
    Map<String, Partner> partners();

    interface Partner {

        /** Hex SHA-256 of each accepted key (comma-separated in properties). */
        List<String> apiKeySha256();

        /** Sustained rate; a full minute's worth may come as a burst. */
        @WithDefault("600")
        int requestsPerMinute();
    }
}
