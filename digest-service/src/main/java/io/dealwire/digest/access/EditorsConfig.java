package io.dealwire.digest.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;

/**
 * {@code dealwire.editors.<name>.api-key-sha256}: who may edit the editorial edition and sign in to the
 * desk. Only hashes of keys are configured, several per editor so a key can be rotated.
 */
@ConfigMapping(prefix = "dealwire.editors")
public interface EditorsConfig {

    @WithParentName
    Map<String, Editor> editors();

    interface Editor {
        /** Hex SHA-256 of each accepted key (comma-separated in properties). */
        List<String> apiKeySha256();
    }
}
