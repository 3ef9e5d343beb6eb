package io.dealwire.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mailbox page over a real GreenMail standalone process (the launcher's catcher) holding two mails
 * sent over SMTP: a plain one, then a multipart one whose subject, text and HTML carry markup.
 */
class MailboxServerTest {

    private static final String PLAIN_SUBJECT = "Plain week";
    private static final String MARKUP_SUBJECT = "Deals & <script>alert(1)</script>";
    private static final String TEXT = "Cobalt & nickel — <script>alert('text')</script>";
    private static final String HTML = "<p style=\"color:red\">Cobalt &amp; nickel</p><script>alert('html')</script>";
    private static final Pattern MESSAGE_LINK = Pattern.compile("href=\"/message/([0-9a-f]{16})\"");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path state;
    private static MailCatcher catcher;
    private static MailboxServer mailbox;

    @BeforeAll
    static void catchTwoMails() throws Exception {
        state = Files.createTempDirectory("dealwire-mailbox-");
        StackSettings settings = StackSettings.isolated(TestHome.path(), state, "unused", false);
        catcher = MailCatcher.start(settings.greenMailJar(), state.resolve("mail"), settings.ports().smtp(),
                settings.ports().mailApi(), LogSink.to(System.out));
        catcher.awaitReady();
        Session session = Session.getInstance(smtp(catcher.smtpPort()));

        MimeMessage plain = mail(session, PLAIN_SUBJECT, Instant.parse("2026-12-01T08:00:00Z"), "alice@example.test");
        plain.setText("Nothing to escape here.", "UTF-8");
        Transport.send(plain);

        MimeMessage markup = mail(session, MARKUP_SUBJECT, Instant.parse("2026-12-02T08:00:00Z"),
                "alice@example.test", "bob@example.test");
        markup.setHeader("X-Partner", "<b>reex</b> & co");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(TEXT, "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(HTML, "UTF-8", "html");
        markup.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(markup);

        mailbox = MailboxServer.start(settings.ports().mailbox(), catcher);
    }

    @AfterAll
    static void stop() {
        if (mailbox != null) {
            mailbox.close();
        }
        if (catcher != null) {
            catcher.close();
        }
        Directories.delete(state);
    }

    @Test
    void shouldListEveryCaughtMailOnceNewestFirstWithItsTextEscaped() throws Exception {
        HttpResponse<String> list = get("/");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        String page = list.body();
        assertThat(page).contains("Deals &amp; &lt;script&gt;alert(1)&lt;/script&gt;", PLAIN_SUBJECT,
                "alice@example.test, bob@example.test", "Partner &lt;partner@example.test&gt;");
        assertThat(page.indexOf("Deals &amp;")).as("newest first").isLessThan(page.indexOf(PLAIN_SUBJECT));
        assertThat(messageIds(page)).as("one row per mail, though the markup one reached two mailboxes").hasSize(2);
        assertThat(page.toLowerCase()).doesNotContain("<script");
    }

    @Test
    void shouldShowAMailsHeadersTextAndHtmlInASandboxedFrame() throws Exception {
        HttpResponse<String> message = get("/message/" + markupId());

        assertThat(message.statusCode()).isEqualTo(200);
        String page = message.body();
        assertThat(page)
                .contains("<th>Subject</th><td>Deals &amp; &lt;script&gt;alert(1)&lt;/script&gt;</td>")
                .contains("<th>X-Partner</th><td>&lt;b&gt;reex&lt;/b&gt; &amp; co</td>")
                .contains("<th>Message-ID</th>", "<th>Content-Type</th><td>multipart/alternative;",
                        "<th>Date</th>", "<th>From</th>", "<th>To</th>")
                .contains("<pre>Cobalt &amp; nickel — &lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;</pre>")
                .contains("href=\"/message/" + markupId() + ".eml\"");
        Matcher frame = Pattern.compile("<iframe sandbox srcdoc=\"([^\"]*)\"").matcher(page);
        assertThat(frame.find()).as("the HTML part in a sandboxed iframe").isTrue();
        assertThat(unescape(frame.group(1))).as("the srcdoc, unescaped by the browser").isEqualTo(HTML);
        assertThat(page.toLowerCase()).as("no script anywhere, the srcdoc's included").doesNotContain("<script");
        assertThat(message.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).startsWith("default-src 'none'"));
    }

    @Test
    void shouldDownloadTheRawMailAsTheCatcherReceivedIt() throws Exception {
        HttpResponse<String> eml = get("/message/" + markupId() + ".eml");

        assertThat(eml.statusCode()).isEqualTo(200);
        assertThat(eml.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(eml.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + markupId() + ".eml\"");
        assertThat(eml.body()).isEqualTo(rawFromTheCatchersApi("bob@example.test", MARKUP_SUBJECT));
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(eml.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getSubject()).isEqualTo(MARKUP_SUBJECT);
    }

    @Test
    void shouldAnswer404ForAnUnknownMailOrPath() throws Exception {
        assertThat(get("/message/0123456789abcdef").statusCode()).isEqualTo(404);
        assertThat(get("/message/0123456789abcdef.eml").statusCode()).isEqualTo(404);
        assertThat(get("/anything").statusCode()).isEqualTo(404);
    }

    private static MimeMessage mail(Session session, String subject, Instant sent, String... to) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("partner@example.test", "Partner"));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(sent));
        return message;
    }

    private static Properties smtp(int port) {
        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", "127.0.0.1");
        smtp.setProperty("mail.smtp.port", String.valueOf(port));
        return smtp;
    }

    /** The newest mail's id, as the list links to it. */
    private static String markupId() throws Exception {
        return messageIds(get("/").body()).get(0);
    }

    private static List<String> messageIds(String page) {
        List<String> ids = new ArrayList<>();
        Matcher link = MESSAGE_LINK.matcher(page);
        while (link.find()) {
            ids.add(link.group(1));
        }
        return ids;
    }

    /** The mail straight from GreenMail's REST API, not through the code under test. */
    private static String rawFromTheCatchersApi(String email, String subject) throws Exception {
        URI inbox = catcher.ui().resolve("api/user/" + email + "/messages/INBOX/");
        for (JsonNode message : new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(inbox).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body())) {
            if (message.path("subject").asText().equals(subject)) {
                return message.path("mimeMessage").asText();
            }
        }
        throw new AssertionError("no mail \"" + subject + "\" for " + email);
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(mailbox.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
