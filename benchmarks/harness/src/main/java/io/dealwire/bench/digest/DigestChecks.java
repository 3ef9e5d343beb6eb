package io.dealwire.bench.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.bench.report.Report;
import io.dealwire.bench.stack.SmtpSink;
import java.util.Random;

/** That the ledger tells the truth: a sample of subscribers each really received exactly one mail. */
final class DigestChecks {

    private static final int SAMPLE = 20;

    private DigestChecks() {
    }

    static void sampleInboxes(SmtpSink smtp, int subscribers, Report report) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(42);
        int wrong = 0;
        for (int i = 0; i < SAMPLE; i++) {
            String email = DigestDb.email(random.nextInt(subscribers));
            JsonNode messages = json.readTree(smtp.inboxJson(email));
            if (messages.size() != 1) {
                wrong++;
                report.note("MISMATCH: " + email + " has " + messages.size() + " mails in GreenMail");
            }
        }
        report.note("GreenMail: " + (SAMPLE - wrong) + " of " + SAMPLE
                + " sampled subscribers have exactly one mail");
    }

    /** One mail as GreenMail received it, headers and encoded body (its REST API's "mimeMessage"). */
    static String rawMail(SmtpSink smtp, String email) throws Exception {
        JsonNode messages = new ObjectMapper().readTree(smtp.inboxJson(email));
        if (messages.isEmpty() || !messages.get(0).hasNonNull("mimeMessage")) {
            throw new IllegalStateException("no raw mail for " + email + " in GreenMail: " + messages);
        }
        return messages.get(0).get("mimeMessage").asText();
    }
}
