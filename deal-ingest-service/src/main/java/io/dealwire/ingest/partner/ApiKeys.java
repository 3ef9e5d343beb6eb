package io.dealwire.ingest.partner;

import io.dealwire.contract.DealEvent;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves an API key to its partner by comparing SHA-256 hashes. Every configured hash is compared,
 * each in constant time, so the answer time says nothing about which partner or byte was close.
 */
@Startup // a malformed hash must stop the service at start, not surface on the first request
@ApplicationScoped
public class ApiKeys {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern PARTNER_ID = Pattern.compile(DealEvent.PARTNER_ID_PATTERN);

    private record KeyHash(String partnerId, byte[] sha256) {
    }

    private final List<KeyHash> hashes = new ArrayList<>();

    ApiKeys(PartnersConfig config) {
        config.partners().forEach((partnerId, partner) -> {
            if (!PARTNER_ID.matcher(partnerId).matches()) {
                throw new IllegalArgumentException("dealwire.partners: partner id '" + partnerId
                        + "' must match " + DealEvent.PARTNER_ID_PATTERN);
            }
            for (String hex : partner.apiKeySha256()) {
                String trimmed = hex.trim();
                if (!SHA256_HEX.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException("dealwire.partners." + partnerId
                            + ".api-key-sha256: each value must be 64 hex digits (a SHA-256), not a plain key");
                }
                hashes.add(new KeyHash(partnerId, HexFormat.of().parseHex(trimmed)));
            }
        });
        if (hashes.isEmpty()) {
            Log.warn("no partner configured (dealwire.partners.<id>.api-key-sha256): every call will get 401");
        }
    }

    /** The partner owning {@code apiKey}, if any. */
    public Optional<String> partnerFor(String apiKey) {
        byte[] candidate = sha256(apiKey);
        String found = null;
        for (KeyHash hash : hashes) {
            // no early exit: always compare against every hash
            if (MessageDigest.isEqual(candidate, hash.sha256()) && found == null) {
                found = hash.partnerId();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
