package io.dealwire.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole pipeline on real components, as people would use it: a reader subscribes and confirms by
 * the mailed link, a partner posts the seed week, an editor writes and approves the week's edition
 * (title, intro, outlook) through the edition API, the admin sends the 2025-W37 issue, and the issue
 * arrives in the reader's mailbox.
 */
public final class DemoJourney {

    /** What the demo delivered; {@code mailbox} is the issue's page on the mailbox. */
    public record Result(MimeMessage digest, SavedIssue saved, URI archive, URI mailbox, URI desk) {
    }

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern FORM_ACTION = Pattern.compile(
            "<form[^>]*method=\"post\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*method=\"post\"",
            Pattern.CASE_INSENSITIVE);

    private final Urls urls;
    private final MailCatcher mail;
    private final LogSink sink;
    private final Path saveTo;
    private final Http http = new Http();
    private final ObjectMapper json = new ObjectMapper();

    /** @param saveTo where the delivered issue is saved as .eml, .html and .txt */
    public DemoJourney(Urls urls, MailCatcher mail, LogSink sink, Path saveTo) {
        this.urls = urls;
        this.mail = mail;
        this.sink = sink;
        this.saveTo = saveTo;
    }

    public Result run() throws Exception {
        subscribe();
        confirm();
        JsonNode week = DemoData.week();
        postWeek(week);
        awaitCatalog(week.size());
        awaitDigest(week.size());
        edit();
        send();
        CaughtMail caught = Waiting.until("the " + DemoData.WEEK + " issue in the demo mailbox", WAIT,
                () -> digestMail());
        MimeMessage digest = caught.message();
        say("delivered: \"" + digest.getSubject() + "\"");
        SavedIssue saved = SavedIssue.save(digest, saveTo, DemoData.WEEK);
        return new Result(digest, saved, urls.issue(DemoData.WEEK), urls.mailboxMessage(caught.id()), urls.desk());
    }

    private void subscribe() throws Exception {
        String body = json.writeValueAsString(json.createObjectNode()
                .put("email", DemoData.SUBSCRIBER_EMAIL)
                .put("name", DemoData.SUBSCRIBER_NAME));
        expect("subscribe", http.postJson(urls.digest().resolve("api/v1/subscriptions"), body, null));
        say("subscribed " + DemoData.SUBSCRIBER_EMAIL + "; waiting for the confirmation mail");
    }

    private void confirm() throws Exception {
        URI link = Waiting.until("the confirmation mail", WAIT, this::confirmationLink);
        Http.Reply page = expect("open the confirmation link", http.get(link, null));
        // the link opens a page whose button confirms (mail scanners that follow links confirm nothing)
        Matcher form = FORM_ACTION.matcher(page.body());
        if (form.find()) {
            String action = form.group(1) != null ? form.group(1) : form.group(2);
            expect("confirm", http.postForm(link.resolve(action.replace("&amp;", "&"))));
        }
        say("confirmed by the link in the mail: " + link);
    }

    private Optional<URI> confirmationLink() throws Exception {
        for (MimeMessage message : mail.messagesFor(DemoData.SUBSCRIBER_EMAIL)) {
            for (String link : Mails.links(Mails.text(message))) {
                if (link.contains("confirm")) {
                    return Optional.of(URI.create(link));
                }
            }
        }
        return Optional.empty();
    }

    private void postWeek(JsonNode week) throws Exception {
        Http.Reply reply = expect("post the seed week", http.postJson(urls.ingest().resolve("api/v1/deals/batch"),
                json.writeValueAsString(week), DevKeys.PARTNER_KEY));
        say("posted the seed week (" + week.size() + " deals) as partner '" + DevKeys.PARTNER_ID + "': "
                + reply.body().length() + " bytes of results");
    }

    private void awaitCatalog(int deals) throws Exception {
        URI summary = urls.catalog().resolve("api/v1/weeks/" + DemoData.WEEK + "/summary");
        Waiting.until("the catalog to hold " + deals + " deals of " + DemoData.WEEK, WAIT, () -> {
            Http.Reply reply = http.get(summary, null);
            return reply.ok() && json.readTree(reply.body()).path("count").asInt() == deals
                    ? Optional.of(true) : Optional.empty();
        });
        say("the catalog holds the " + deals + " deals: " + summary);
    }

    private void awaitDigest(int deals) throws Exception {
        URI preview = urls.digest().resolve("api/v1/digests/" + DemoData.WEEK + "/preview?format=text");
        Pattern count = Pattern.compile("\\b" + deals + " deals\\b");
        Waiting.until("the digest to hold " + deals + " deals of " + DemoData.WEEK, WAIT, () -> {
            Http.Reply reply = http.get(preview, DevKeys.ADMIN_KEY);
            return reply.ok() && count.matcher(reply.body()).find() ? Optional.of(true) : Optional.empty();
        });
        say("the digest's preview of " + DemoData.WEEK + " has the " + deals + " deals");
    }

    /** As an editor would at the desk: read the edition, save the editor's fields, approve what was saved. */
    private void edit() throws Exception {
        String path = "api/v1/digests/" + DemoData.WEEK + "/edition";
        URI edition = urls.digest().resolve(path);
        Http.Reply read = expect("read the edition", http.get(edition, DevKeys.EDITOR_KEY));
        JsonNode editor = DemoData.edition();
        Http.Reply saved = expect("save the editor's edition",
                http.putJson(edition, json.writeValueAsString(editor), DevKeys.EDITOR_KEY, read.etag()));
        List<String> fields = new ArrayList<>();
        editor.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                fields.add(field.getKey());
            }
        });
        say("saved the editor's edition of " + DemoData.WEEK + " as editor '" + DevKeys.EDITOR_NAME
                + "' (version " + saved.etag() + "): the editor's " + String.join(", ", fields)
                + " (\"" + editor.path("title").asText() + "\"; intro and outlook signed \"— the editor\")");
        Http.Reply approved = expect("approve the edition",
                http.post(urls.digest().resolve(path + "/approve"), DevKeys.EDITOR_KEY, saved.etag()));
        say("approved it: " + json.readTree(approved.body()).path("status").asText() + " (version "
                + approved.etag() + "); the desk: " + urls.desk() + " (editor key " + DevKeys.EDITOR_KEY + ")");
    }

    private void send() throws Exception {
        expect("send the issue", http.post(urls.digest().resolve("api/v1/digests/" + DemoData.WEEK + "/send"),
                DevKeys.ADMIN_KEY));
        say("sent the " + DemoData.WEEK + " issue (admin API)");
    }

    /** The issue as the mail catcher keeps it, so the banner can link to its page on the mailbox. */
    private Optional<CaughtMail> digestMail() throws Exception {
        for (CaughtMail caught : mail.caught()) {
            if (caught.mailboxes().contains(DemoData.SUBSCRIBER_EMAIL) && isDigest(caught.message())) {
                return Optional.of(caught);
            }
        }
        return Optional.empty();
    }

    /** Every digest, and only a digest, carries RFC 8058 one-click unsubscribe headers. */
    static boolean isDigest(MimeMessage message) throws MessagingException {
        return message.getHeader("List-Unsubscribe") != null;
    }

    private Http.Reply expect(String step, Http.Reply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException(step + " failed: HTTP " + reply.status() + " " + reply.body());
        }
        return reply;
    }

    private void say(String message) {
        sink.line(LogSink.prefix("demo") + message);
    }
}
