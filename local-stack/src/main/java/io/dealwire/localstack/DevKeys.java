package io.dealwire.localstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * DEVELOPMENT KEYS of the local stack. They are public (printed at startup, in this source) and only
 * ever given to services started by this launcher on 127.0.0.1; the services receive their SHA-256
 * hashes, as in production.
 */
public final class DevKeys {

    /** The seed week comes from Rare Earth Exchanges' "Weekly Deal Update". */
    public static final String PARTNER_ID = "reex";
    public static final String PARTNER_KEY = "dev-partner-key-reex-DEVELOPMENT-ONLY";
    public static final String ADMIN_KEY = "dev-admin-key-DEVELOPMENT-ONLY";
    /**
     * The desk's editor: the same name and key as the digest's own %dev/%test profile
     * ({@code dealwire.editors.desk.api-key-sha256} there), so one editor key works in every development setup.
     */
    public static final String EDITOR_NAME = "desk";
    public static final String EDITOR_KEY = "dev-editor-key";

    private DevKeys() {
    }

    public static String partnerKeyHash() {
        return sha256Hex(PARTNER_KEY);
    }

    public static String adminKeyHash() {
        return sha256Hex(ADMIN_KEY);
    }

    public static String editorKeyHash() {
        return sha256Hex(EDITOR_KEY);
    }

    /** The config name of the development editor's key hash. */
    public static String editorKeyName() {
        return "dealwire.editors." + EDITOR_NAME + ".api-key-sha256";
    }

    public static String sha256Hex(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
