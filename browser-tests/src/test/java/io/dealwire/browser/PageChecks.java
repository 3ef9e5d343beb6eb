package io.dealwire.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.testsupport.Browser;
import java.util.List;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;

/** What a person (and a screen reader, and a phone) expects of any page, checked in the browser. */
final class PageChecks {

    private PageChecks() {
    }

    /** A language, a title, a phone viewport and nothing loaded from another origin (no CDN). */
    static void assertWellMade(WebDriver driver) {
        String page = driver.getCurrentUrl();
        assertThat((String) Pages.js(driver, "return document.documentElement.lang;"))
                .as("<html lang> of %s", page).isNotBlank();
        assertThat(driver.getTitle()).as("<title> of %s", page).isNotBlank();
        assertThat((String) Pages.js(driver,
                "const m = document.querySelector('meta[name=viewport]'); return m ? m.content : '';"))
                .as("viewport meta of %s (without it phones render a shrunken desktop page)", page)
                .contains("width=device-width");
        assertThat(foreignResources(driver)).as("resources of %s from other origins (offline users)", page)
                .isEmpty();
    }

    /** Every field a person fills in has a label (a label element, or aria-label/-labelledby). */
    static void assertEveryFieldLabelled(WebDriver driver) {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) Pages.js(driver, """
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(e => !['hidden', 'submit', 'button', 'reset', 'image'].includes(e.type))
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                               && !e.getAttribute('aria-labelledby'))
                  .map(e => e.outerHTML);""");
        assertThat(unlabelled).as("form fields without a label on %s", driver.getCurrentUrl()).isEmpty();
    }

    /** At phone width the page fits: no sideways scrolling. The screenshot is taken first, to show a failure too. */
    static void assertFitsPhone(Browser browser, String screenshot) {
        Pages.phone(browser);
        Pages.screenshot(browser, screenshot);
        assertThat(Pages.viewportWidth(browser.driver())).as("the viewport is phone-wide")
                .isEqualTo(Browser.PHONE_WIDTH);
        assertThat(browser.scrollsHorizontally()).as("%s scrolls sideways at %d px", browser.driver().getCurrentUrl(),
                Browser.PHONE_WIDTH).isFalse();
    }

    /** Partner markup never became elements, and no script ran (an alert would still be open). */
    static void assertNoInjectedMarkup(WebDriver driver) {
        @SuppressWarnings("unchecked")
        List<String> injected = (List<String>) Pages.js(driver,
                "return Array.from(document.querySelectorAll('script, b, i, em, img, iframe, a[href^=\"javascript:\"]'))"
                        + ".map(e => e.outerHTML);");
        assertThat(injected).as("elements made from partner text on %s", driver.getCurrentUrl()).isEmpty();
        boolean alertOpen;
        try {
            driver.switchTo().alert();
            alertOpen = true;
        } catch (NoAlertPresentException e) {
            alertOpen = false;
        }
        assertThat(alertOpen).as("an alert opened by partner text").isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<String> foreignResources(WebDriver driver) {
        return (List<String>) Pages.js(driver, """
                const own = location.origin;
                const loaded = performance.getEntriesByType('resource').map(r => r.name);
                const referenced = Array.from(document.querySelectorAll(
                    'link[rel~=stylesheet][href], link[rel~=preload][href], script[src], img[src], iframe[src]'))
                  .map(e => new URL(e.getAttribute('href') || e.getAttribute('src'), location.href).href);
                return loaded.concat(referenced).filter(u => new URL(u).origin !== own);""");
    }
}
