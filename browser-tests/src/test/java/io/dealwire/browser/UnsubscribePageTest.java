package io.dealwire.browser;

import static io.dealwire.browser.SeedData.DEFAULT_READER_EMAIL;
import static io.dealwire.browser.SeedData.ESCAPING_WEEK;
import static io.dealwire.browser.SeedData.LATER_WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The unsubscribe link of a real issue: opening it changes nothing (mail scanners follow links);
 * the button unsubscribes. "Changes nothing" and "unsubscribes" are proven by the next issues.
 */
class UnsubscribePageTest extends PageTest {

    /** Only the page after unsubscribing has it (both pages have an h1, a main and a form button). */
    private static final By RESUBSCRIBE_BUTTON = By.cssSelector("form[action$='/resubscribe'] button[type=submit]");

    private static URI unsubscribeLink;

    @BeforeAll
    static void findLinks() {
        unsubscribeLink = URI.create(Inbox.link(stack.seeded().readerSeedIssue(), "/unsubscribe/"));
    }

    @Test
    void shouldUnsubscribeOnlyWhenThePersonPressesTheButton() {
        WebDriver page = Pages.open(browser, unsubscribeLink);
        Pages.screenshot(browser, "unsubscribe-1-link-opened");
        assertThat(Pages.heading(page)).isEqualTo("Unsubscribe from the Rare Earth Deal Update?");
        assertThat(Pages.visible(page, By.cssSelector("form button[type=submit]")).getText())
                .isEqualTo("Unsubscribe");

        stack.sendIssue(ESCAPING_WEEK);
        stack.awaitSent(ESCAPING_WEEK);
        assertThat(stack.inbox().messagesFor(DEFAULT_READER_EMAIL)).as("the reader still gets the next issue")
                .anyMatch(Inbox.digestOf(ESCAPING_WEEK));

        Pages.clickThrough(page, By.cssSelector("form button[type=submit]"), RESUBSCRIBE_BUTTON);
        Pages.screenshot(browser, "unsubscribe-2-unsubscribed");

        assertThat(Pages.heading(page)).isEqualTo("You're unsubscribed");
        assertThat(Pages.text(page, "main")).contains("No more issues will be sent to you");

        stack.sendIssue(LATER_WEEK);
        stack.awaitSent(LATER_WEEK);
        assertThat(stack.inbox().messagesFor(DEFAULT_READER_EMAIL)).as("issues after unsubscribing")
                .noneMatch(Inbox.digestOf(LATER_WEEK));
    }

    @Test
    void shouldBeWellMadeAndFitAPhone() {
        WebDriver page = Pages.open(browser, unsubscribeLink);
        PageChecks.assertWellMade(page);
        PageChecks.assertEveryFieldLabelled(page);

        PageChecks.assertFitsPhone(browser, "unsubscribe-3-phone-390px");
    }
}
