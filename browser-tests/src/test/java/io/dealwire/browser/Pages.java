package io.dealwire.browser;

import io.dealwire.testsupport.Browser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Small conveniences over the browser: opening pages, reading text, whole-page screenshots. The browser
 * has no implicit wait: a page is waited for when it is opened or clicked to, and an element is looked
 * up through {@link #visible}. The pages are rendered on the server without scripts, so once a page is
 * complete its lists are complete too and {@code findElements} on it needs no wait.
 */
final class Pages {

    static final int MAIL_WIDTH = 600;
    /** What identifies a page that is its heading (the tests then check the heading's text). */
    static final By HEADING = By.tagName("h1");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
    private static final int SCREENSHOT_MAX_HEIGHT = 5000;
    private static final int DESKTOP_HEIGHT = 900;
    private static final int PHONE_HEIGHT = 844;

    private Pages() {
    }

    /** Opens the page and waits until it is complete. */
    static WebDriver open(Browser browser, URI uri) {
        WebDriver driver = browser.driver();
        driver.get(uri.toString());
        waitUntil(driver, () -> "the page " + uri + " to be complete", Pages::complete);
        return driver;
    }

    /** The element, once the page shows it: the one way the tests look an element up (no implicit wait). */
    static WebElement visible(WebDriver driver, By element) {
        return waitUntil(driver, () -> element + " on " + driver.getCurrentUrl(),
                ExpectedConditions.visibilityOfElementLocated(element));
    }

    /**
     * Clicks a link or a form's button and waits for the page it leads to: the old page going stale,
     * then the new one complete and showing {@code arrival}, the element that identifies it. Nothing is
     * then read from the page being left, though most pages share an h1, a main and a form button.
     * A form the browser refuses to send times out here.
     */
    static void clickThrough(WebDriver driver, By target, By arrival) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        waitUntil(driver, () -> target + " to be clickable", ExpectedConditions.elementToBeClickable(target)).click();
        waitUntil(driver, () -> "a new page after clicking " + target + " (a form the browser refused?)",
                d -> gone(leaving));
        waitUntil(driver, () -> "the page after clicking " + target + " to be complete", Pages::complete);
        waitUntil(driver, () -> arrival + " on the page after clicking " + target + ", "
                + driver.getCurrentUrl() + ", which shows: " + heading(driver),
                ExpectedConditions.visibilityOfElementLocated(arrival));
    }

    /**
     * Whether the element left the document. Chrome reports a node of a page being replaced either as
     * stale or, mid-navigation, as "Node with given id does not belong to the document" (a plain
     * WebDriverException, which Selenium's stalenessOf does not take for stale: a DealBrowserTest run
     * failed on it on 3 Dec).
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The page's h1, or what the page shows instead (an error answer has none), for a telling failure. */
    static String heading(WebDriver driver) {
        return (String) js(driver, "const h = document.querySelector('h1');"
                + " return h ? h.innerText : '(no h1) ' + document.body.innerText.slice(0, 500);");
    }

    static String text(WebDriver driver, String css) {
        return visible(driver, By.cssSelector(css)).getText();
    }

    static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void desktop(Browser browser) {
        browser.resize(Browser.DESKTOP_WIDTH, DESKTOP_HEIGHT);
    }

    static void phone(Browser browser) {
        browser.resize(Browser.PHONE_WIDTH, PHONE_HEIGHT);
    }

    /** The viewport's CSS width, to make sure a resize really gave the page that width. */
    static long viewportWidth(WebDriver driver) {
        return ((Number) js(driver, "return window.innerWidth;")).longValue();
    }

    /** The whole page (up to a bound), not only the viewport: a reviewer sees everything a person could scroll to. */
    static Path screenshot(Browser browser, String name) {
        WebDriver driver = browser.driver();
        Dimension before = driver.manage().window().getSize();
        long page = ((Number) js(driver, "return document.documentElement.scrollHeight;")).longValue();
        long chrome = before.getHeight() - ((Number) js(driver, "return window.innerHeight;")).longValue();
        int height = (int) Math.min(SCREENSHOT_MAX_HEIGHT, Math.max(before.getHeight(), page + chrome));
        browser.resize(before.getWidth(), height);
        try {
            return browser.screenshot(name);
        } finally {
            browser.resize(before.getWidth(), before.getHeight());
        }
    }

    private static <T> T waitUntil(WebDriver driver, Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PAGE_WAIT).withMessage(() -> "waited for " + what.get()).until(condition);
    }

    private static boolean complete(WebDriver driver) {
        return "complete".equals(js(driver, "return document.readyState;"));
    }
}
