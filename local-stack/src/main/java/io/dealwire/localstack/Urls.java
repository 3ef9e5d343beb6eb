package io.dealwire.localstack;

import java.net.URI;
import java.util.List;

/** Where a person finds each part of the running stack. */
public record Urls(URI ingest, URI catalog, URI digest, URI mail, String kafka) {

    public URI archive() {
        return digest.resolve("digests");
    }

    public URI issue(String week) {
        return digest.resolve("digests/" + week);
    }

    /** The editors' web desk (sign in with an editor key). */
    public URI desk() {
        return digest.resolve("desk");
    }

    public List<String> serviceLines() {
        return List.of(
                "Partner API (ingest)   " + ingest.resolve("q/swagger-ui/"),
                "Catalog API            " + catalog.resolve("q/swagger-ui/"),
                "Deal browser           " + catalog.resolve("deals"),
                "Digest API             " + digest.resolve("q/swagger-ui/"),
                "Subscribe page         " + digest.resolve("subscribe"),
                "Digest archive         " + archive(),
                "Editors' desk          " + desk() + "  (sign in with the editor key below)");
    }

    public List<String> infrastructureLines() {
        return List.of(
                "Mail catcher (API/UI)  " + mail + "  (a mailbox: " + mail + "api/user/<email>/messages/INBOX/)",
                "Kafka bootstrap        " + kafka);
    }
}
