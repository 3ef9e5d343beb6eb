package io.dealwire.browser;

import static io.dealwire.browser.SeedData.DEFAULT_PAGE_SUBSCRIBER_EMAIL;
import static io.dealwire.browser.SeedData.DEFAULT_PAGE_SUBSCRIBER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The subscribe page, then the confirmation link from the mail, as a reader goes through them. */
class SubscribePageTest extends PageTest {

    private static final String DEFAULT_REJECTED_EMAIL = "rejected@browser-tests.dealwire.local";
    private static final String DEFAULT_UNKNOWN_COUNTRY = "Narnia";


    @Test
    void shouldConfirmASubscriptionFromTheFormAndTheMailedLink() {
        WebDriver page = Pages.open(browser, subscribePage());
        Pages.visible(page, By.id("email")).sendKeys(DEFAULT_PAGE_SUBSCRIBER_EMAIL);
        Pages.visible(page, By.id("name")).sendKeys(DEFAULT_PAGE_SUBSCRIBER_NAME);
        Pages.screenshot(browser, "subscribe-1-form-filled-in");
        assertThat(stack.inbox().messagesFor(DEFAULT_PAGE_SUBSCRIBER_EMAIL)).as("mails before submitting").isEmpty();

        Pages.clickThrough(page, By.cssSelector("form button[type=submit]"), Pages.HEADING);
        Pages.screenshot(browser, "subscribe-2-check-your-inbox");

        assertThat(Pages.heading(page)).isEqualTo("Check your inbox");
        assertThat(Pages.text(page, "main")).contains("confirmation link");

        MimeMessage mail = stack.inbox().await(DEFAULT_PAGE_SUBSCRIBER_EMAIL, "the confirmation mail",
                Inbox.confirmation());
        Pages.open(browser, URI.create(Inbox.link(mail, "/confirm/")));
        Pages.screenshot(browser, "subscribe-3-confirm-link-opened");
        assertThat(Pages.heading(page)).isEqualTo("Confirm your subscription");

        Pages.clickThrough(page, By.cssSelector("form button[type=submit]"), Pages.HEADING);
        Pages.screenshot(browser, "subscribe-4-confirmed");

        assertThat(Pages.heading(page)).isEqualTo("You're subscribed, " + DEFAULT_PAGE_SUBSCRIBER_NAME);
        assertThat(Pages.text(page, "main")).contains(DEFAULT_PAGE_SUBSCRIBER_EMAIL);
    }

    @Test
    void shouldSayWhatIsWrongAndKeepWhatWasTypedWhenTheServerRejectsTheForm() {
        WebDriver page = Pages.open(browser, subscribePage());
        Pages.visible(page, By.id("email")).sendKeys(DEFAULT_REJECTED_EMAIL);
        Pages.visible(page, By.id("countries")).sendKeys(DEFAULT_UNKNOWN_COUNTRY);

        Pages.clickThrough(page, By.cssSelector("form button[type=submit]"), By.cssSelector(".error"));
        Pages.screenshot(browser, "subscribe-5-rejected-country");

        assertThat(Pages.text(page, ".error")).startsWith("Please").contains("countr")
                .as("the error speaks to a person, not in validator paths").doesNotContain("<list element>", "[0]");
        assertThat(Pages.visible(page, By.id("email")).getDomProperty("value"))
                .as("the address typed before the error (nobody wants to type it again)")
                .isEqualTo(DEFAULT_REJECTED_EMAIL);
        assertThat(Pages.visible(page, By.id("countries")).getDomProperty("value"))
                .as("the countries typed before the error").isEqualToIgnoringCase(DEFAULT_UNKNOWN_COUNTRY);
    }

    @Test
    void shouldBeWellMadeAndFitAPhone() {
        WebDriver page = Pages.open(browser, subscribePage());
        PageChecks.assertWellMade(page);

        PageChecks.assertFitsPhone(browser, "subscribe-6-phone-390px");
    }

    @Test
    void shouldLabelEveryFormField() {
        WebDriver page = Pages.open(browser, subscribePage());

        PageChecks.assertEveryFieldLabelled(page);
    }

    private static URI subscribePage() {
        return stack.digest("subscribe");
    }
}
