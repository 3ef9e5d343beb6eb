package io.dealwire.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.localstack.DevKeys;
import io.dealwire.localstack.Mails;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The editor's desk as an editor uses it: sign in, write an intro with bold, a link and a script,
 * add an outlook, feature one deal and exclude another, preview, approve; then the week is sent and
 * the delivered mail is read from the SMTP server. Week 2025-W30: earlier than the seed week, so its
 * issue holds only the deals posted here (the seed's send took every older one), and no other test's week.
 */
class DeskTest extends PageTest {

    private static final String WEEK = "2025-W30";
    private static final String DEFAULT_READER = "desk.reader@browser-tests.dealwire.local";
    private static final String DEFAULT_KEPT = "Desk week: a kept separation deal";
    private static final String DEFAULT_FEATURED = "Desk week: the featured magnet plant";
    private static final String DEFAULT_EXCLUDED = "Desk week: a rumour the editor leaves out";
    private static final String DEFAULT_INTRO = "A **bold** week, see [the source](https://example.org/w30)."
            + " <script>alert(1)</script>";

    @Test
    void shouldEditPreviewApproveAndDeliverTheEditorsEdition() throws IOException {
        subscribeReader();
        submit("desk-kept", DEFAULT_KEPT, "MIDSTREAM", "2025-07-22");
        String featured = submit("desk-featured", DEFAULT_FEATURED, "DOWNSTREAM", "2025-07-23");
        String excluded = submit("desk-excluded", DEFAULT_EXCLUDED, "UPSTREAM", "2025-07-24");
        awaitPreviewWith(DEFAULT_KEPT, DEFAULT_FEATURED, DEFAULT_EXCLUDED);

        WebDriver page = Pages.open(browser, stack.digest("desk"));
        Pages.visible(page, By.id("key")).sendKeys(DevKeys.EDITOR_KEY);
        Pages.screenshot(browser, "desk-1-sign-in");
        Pages.clickThrough(page, By.cssSelector("form[action='/desk/sign-in'] button"), By.linkText(WEEK));
        Pages.screenshot(browser, "desk-2-weeks");
        PageChecks.assertWellMade(page);

        Pages.clickThrough(page, By.linkText(WEEK), By.id("intro"));
        Pages.visible(page, By.id("intro")).sendKeys(DEFAULT_INTRO);
        Pages.visible(page, By.id("outlook")).sendKeys("More to come in August.");
        Pages.visible(page, By.cssSelector("input[name='deal." + featured + "'][value='featured']")).click();
        Pages.visible(page, By.cssSelector("input[name='deal." + excluded + "'][value='excluded']")).click();
        Pages.clickThrough(page, By.cssSelector("form#edition button[type='submit']"), By.cssSelector("p.notice"));
        assertThat(Pages.text(page, "h1")).contains(WEEK, "DRAFT");
        Pages.screenshot(browser, "desk-3-week-saved");
        PageChecks.assertFitsPhone(browser, "desk-4-week-phone-390px");
        Pages.desktop(browser);

        WebDriver frame = browser.driver().switchTo().frame(Pages.visible(page, By.tagName("iframe")));
        assertThat(Pages.visible(frame, By.tagName("body")).getText()).as("the preview of the mail")
                .contains("bold", DEFAULT_FEATURED, "<script>alert(1)</script>").doesNotContain(DEFAULT_EXCLUDED);
        browser.driver().switchTo().defaultContent();

        Pages.clickThrough(page, By.cssSelector("form[action$='/approve'] button"), By.cssSelector(".status-APPROVED"));
        assertThat(Pages.text(page, "h1")).contains("APPROVED");
        Pages.screenshot(browser, "desk-5-week-approved");

        stack.sendIssue(WEEK);
        MimeMessage mail = stack.inbox().await(DEFAULT_READER, "the " + WEEK + " issue", Inbox.digestOf(WEEK));
        String html = Mails.part(mail, "text/html").orElseThrow();
        String text = Mails.text(mail);
        assertThat(html).contains("<strong>bold</strong>", "href=\"https://example.org/w30\"",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "Featured", DEFAULT_FEATURED, DEFAULT_KEPT, "Outlook",
                "More to come in August.").doesNotContain("<script>", DEFAULT_EXCLUDED);
        assertThat(html.indexOf("Featured")).isLessThan(html.indexOf(DEFAULT_KEPT));
        assertThat(text).contains("A bold week", "<script>alert(1)</script>", "More to come in August.")
                .doesNotContain(DEFAULT_EXCLUDED);

        Path file = Files.createDirectories(Path.of("target", "mails")).resolve("desk-issue-" + WEEK + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        Pages.open(browser, file.toUri());
        browser.resize(Pages.MAIL_WIDTH, 900);
        Pages.screenshot(browser, "desk-6-mail-600px");
        assertThat(browser.scrollsHorizontally()).as("the mail scrolls sideways at 600 px").isFalse();
        PageChecks.assertFitsPhone(browser, "desk-7-mail-phone-390px");
    }

    private void subscribeReader() {
        String body = Api.JSON.createObjectNode().put("email", DEFAULT_READER).toString();
        Api.expect(202, stack.api().postJson(stack.digest("api/v1/subscriptions"), body, null), "subscribe");
        MimeMessage mail = stack.inbox().await(DEFAULT_READER, "the confirmation mail", Inbox.confirmation());
        Api.expect(200, stack.api().post(URI.create(Inbox.link(mail, "/confirm/")), null), "confirm");
    }

    private String submit(String externalId, String headline, String stage, String reportedOn) {
        var deal = Api.JSON.createObjectNode().put("externalId", externalId).put("headline", headline)
                .put("dealType", "AGREEMENT").put("stage", stage).put("announcedOn", reportedOn)
                .put("reportedOn", reportedOn);
        deal.putArray("parties").addObject().put("name", "Desk Week Metals").put("role", "DEVELOPER").put("country", "CA");
        return Api.expect(202, stack.api().postJson(stack.ingest("api/v1/deals"), deal.toString(), DevKeys.PARTNER_KEY),
                "submit " + externalId).json().path("dealId").asText();
    }

    private void awaitPreviewWith(String... headlines) {
        Awaitility.await("the digest to hold " + WEEK).atMost(Stack.PIPELINE_WAIT).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> {
                    Api.Reply preview = stack.api().get(stack.digest("api/v1/digests/" + WEEK + "/preview?format=text"),
                            DevKeys.ADMIN_KEY);
                    for (String headline : headlines) {
                        if (preview.status() != 200 || !preview.body().contains(headline)) {
                            return false;
                        }
                    }
                    return true;
                });
    }
}
