package io.dealwire.browser;

import static io.dealwire.browser.SeedData.DEFAULT_REVISED_HEADLINE;
import static io.dealwire.browser.SeedData.SEED_WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.localstack.Mails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The web archive of sent issues, and the issue's HTML mail as a mail client would show it. */
class ArchiveTest extends PageTest {


    @Test
    void shouldListTheSentIssueAndOpenIt() {
        WebDriver page = Pages.open(browser, stack.digest("digests"));
        Pages.screenshot(browser, "archive-1-issue-list");
        PageChecks.assertWellMade(page);
        assertThat(Pages.visible(page, By.linkText(SEED_WEEK)).findElement(By.xpath("../..")).getText())
                .as("the issue's row").contains("Rare Earth Deal Update").contains("9 deals");

        Pages.clickThrough(page, By.linkText(SEED_WEEK), Pages.HEADING);
        Pages.screenshot(browser, "archive-2-issue-" + SEED_WEEK);

        assertThat(page.getCurrentUrl()).endsWith("/digests/" + SEED_WEEK);
        assertThat(page.getTitle()).contains("Rare Earth Deal Update").contains("9 deals");
        assertThat(Pages.text(page, "body")).contains(DEFAULT_REVISED_HEADLINE, "Highlights", "By the numbers");
        PageChecks.assertWellMade(page);

        PageChecks.assertFitsPhone(browser, "archive-3-issue-" + SEED_WEEK + "-phone-390px");
    }

    @Test
    void shouldListIssuesOnAPhoneWithoutSideScrolling() {
        Pages.open(browser, stack.digest("digests"));

        PageChecks.assertFitsPhone(browser, "archive-4-issue-list-phone-390px");
    }

    @Test
    void shouldRenderTheMailedIssueAt600PxAndAtPhoneWidthWithoutSideScrolling() throws IOException {
        String html = Mails.part(stack.seeded().readerSeedIssue(), "text/html").orElseThrow();
        Path file = Files.createDirectories(Path.of("target", "mails")).resolve("issue-" + SEED_WEEK + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        WebDriver page = Pages.open(browser, file.toUri());
        PageChecks.assertWellMade(page);
        assertThat(Pages.text(page, "body")).contains(DEFAULT_REVISED_HEADLINE, "Unsubscribe");

        browser.resize(Pages.MAIL_WIDTH, 900);
        Pages.screenshot(browser, "mail-1-issue-" + SEED_WEEK + "-600px");
        assertThat(Pages.viewportWidth(page)).isEqualTo(Pages.MAIL_WIDTH);
        assertThat(browser.scrollsHorizontally()).as("the mail scrolls sideways at 600 px").isFalse();

        PageChecks.assertFitsPhone(browser, "mail-2-issue-" + SEED_WEEK + "-phone-390px");
    }
}
