package io.dealwire.localstack;

import jakarta.mail.MessagingException;
import java.io.PrintStream;

/** What the person who typed {@code ./dealwire up} reads once the suite is ready. */
final class Banner {

    private Banner() {
    }

    static void print(PrintStream out, LocalStack stack) {
        out.println();
        out.println("=== Deal Wire is up ===");
        if (stack.settings().withServices()) {
            stack.urls().serviceLines().forEach(line -> out.println("  " + line));
        }
        stack.urls().infrastructureLines().forEach(line -> out.println("  " + line));
        KafkaCluster.Replication replication = stack.kafka().replication();
        out.println("  Kafka brokers          " + stack.kafka().brokers() + " (KRaft; every topic: replication factor "
                + replication.factor() + ", min.insync.replicas " + replication.minInSync() + ")");
        out.println("  PostgreSQL             " + stack.postgres().describe() + ", database "
                + stack.postgres().database() + " (schemas catalog, digest)");
        out.println();
        out.println("  DEVELOPMENT KEYS (public, for this local stack only; services hold their SHA-256 hashes):");
        out.println("    partner '" + DevKeys.PARTNER_ID + "'   Authorization: Bearer " + DevKeys.PARTNER_KEY);
        out.println("    admin           Authorization: Bearer " + DevKeys.ADMIN_KEY);
        out.println("    editor '" + DevKeys.EDITOR_NAME + "'   Authorization: Bearer " + DevKeys.EDITOR_KEY
                + "   (or sign in at " + stack.urls().desk() + ")");
        out.println();
    }

    static void printDemo(PrintStream out, DemoJourney.Result result) throws MessagingException {
        out.println();
        out.println("=== Demo delivered ===");
        out.println("  Subject       " + result.digest().getSubject());
        out.println("  Open it       " + result.saved().html() + "  (the HTML part, in a browser)");
        out.println("                " + result.saved().eml() + "  (the mail as received, in a mail client)");
        out.println("                " + result.saved().text() + "  (the text part)");
        out.println("  Read it       " + result.mailbox() + "  (on the mailbox page: headers, HTML, text, .eml)");
        out.println("  Web archive   " + result.archive());
        out.println("  Editor's desk " + result.desk() + "  (sign in with the DEVELOPMENT editor key "
                + DevKeys.EDITOR_KEY + ")");
        out.println();
    }
}
