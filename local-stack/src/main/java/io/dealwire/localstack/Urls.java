package io.dealwire.localstack;

import java.net.URI;
import java.util.List;

/**
 * Where a person finds each part of the running stack.
 *
 * @param mail the mail catcher's REST API
 * @param mailbox the page listing the mails the catcher kept ({@link MailboxServer})
 */
public record Urls(URI ingest, URI catalog, URI digest, URI mail, URI mailbox, String kafka) {

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

    /** One caught mail's page on the mailbox: headers, HTML and text part, raw .eml. */
    public URI mailboxMessage(String id) {
        return mailbox.resolve(MailboxServer.path(id));
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
                "Mailbox                " + mailbox + "  (every mail the SMTP catcher kept)",
                "Mail catcher (API)     " + mail + "  (GreenMail's REST API: raw MIME as JSON)",
                "Kafka bootstrap        " + kafka);
    }
}
