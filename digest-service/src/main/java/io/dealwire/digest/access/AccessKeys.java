package io.dealwire.digest.access;

import io.dealwire.digest.config.DigestConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Every configured key hash and whom it names: {@code dealwire.admin.api-key-sha256} (principal
 * {@code admin}, roles admin and editor) and {@code dealwire.editors.<name>.api-key-sha256} (principal
 * {@code <name>}, role editor). Checked at start: a value that is not a hex SHA-256 stops the service
 * with a message naming its key (never echoing the value, which may be a plain key). A presented key is
 * hashed and compared with every configured hash, each in constant time, with no early exit.
 */
@Startup // a malformed hash must stop the service at start, not surface on the first request
@ApplicationScoped
public class AccessKeys {

    private static final Logger LOG = Logger.getLogger(AccessKeys.class);
    static final String ADMIN_KEY = "dealwire.admin.api-key-sha256";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern EDITOR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Caller ADMIN = new Caller(Roles.ADMIN, Set.of(Roles.ADMIN, Roles.EDITOR));

    private record KeyHash(Caller caller, byte[] sha256) {
    }

    private final List<KeyHash> hashes = new ArrayList<>();

    @Inject
    AccessKeys(DigestConfig digest, EditorsConfig editors) {
        this(digest.admin().apiKeySha256(), namesToHashes(editors));
    }

    /** The check itself, without an app: {@code editors} maps each editor's name to its hash values. */
    AccessKeys(Optional<String> adminHashes, Map<String, List<String>> editors) {
        adminHashes.ifPresent(value -> add(ADMIN_KEY, ADMIN, Arrays.asList(value.split(",", -1))));
        editors.forEach((name, values) -> {
            String key = "dealwire.editors." + name + ".api-key-sha256";
            if (!EDITOR_NAME.matcher(name).matches() || Roles.ADMIN.equals(name)) {
                throw new IllegalArgumentException(key + ": the editor's name must match " + EDITOR_NAME.pattern()
                        + " and must not be 'admin' (the admin key's principal)");
            }
            add(key, new Caller(name, Set.of(Roles.EDITOR)), values);
        });
        if (hashes.isEmpty()) {
            LOG.warnf("no key configured (%s, dealwire.editors.<name>.api-key-sha256): every admin and editor call"
                    + " will get 401", ADMIN_KEY);
        }
    }

    private void add(String key, Caller caller, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(key + ": at least one hex SHA-256 is needed");
        }
        for (String value : values) {
            String trimmed = value.trim();
            if (!SHA256_HEX.matcher(trimmed).matches()) {
                throw new IllegalArgumentException(key
                        + ": each comma-separated value must be 64 hex digits (the SHA-256 of a key), not a plain key");
            }
            hashes.add(new KeyHash(caller, HexFormat.of().parseHex(trimmed)));
        }
    }

    /** Whom {@code key} names, if anyone. */
    public Optional<Caller> callerOf(String key) {
        byte[] candidate = sha256(key);
        Caller found = null;
        for (KeyHash hash : hashes) {
            // no early exit: always compare against every hash
            if (MessageDigest.isEqual(candidate, hash.sha256()) && found == null) {
                found = hash.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    private static Map<String, List<String>> namesToHashes(EditorsConfig editors) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        editors.editors().forEach((name, editor) -> out.put(name, editor.apiKeySha256()));
        return out;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
