package io.dealwire.browser;

import static io.dealwire.browser.SeedData.DEFAULT_ESCAPING_HEADLINE;
import static io.dealwire.browser.SeedData.DEFAULT_ESCAPING_PARTY;
import static io.dealwire.browser.SeedData.DEFAULT_ESCAPING_SUMMARY;
import static io.dealwire.browser.SeedData.DEFAULT_ORIGINAL_HEADLINE;
import static io.dealwire.browser.SeedData.DEFAULT_REVISED_HEADLINE;
import static io.dealwire.browser.SeedData.ESCAPING_WEEK;
import static io.dealwire.browser.SeedData.SEED_WEEK;
import static io.dealwire.browser.SeedData.SEED_WEEK_DEALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The catalog's deal browser, as an analyst uses it. */
class DealBrowserTest extends PageTest {

    /** What the filter form leads to: the week's page again, with the deals the filters let through. */
    private static final By LISTED_DEAL = By.cssSelector("main section article");
    /** What identifies a deal's page: its revisions. */
    private static final By REVISION = By.cssSelector("table tbody tr");

    @Test
    void shouldGroupTheSeedWeekByStage() {
        WebDriver page = Pages.open(browser, stack.catalog("deals?week=" + SEED_WEEK));
        Pages.screenshot(browser, "deals-1-seed-week-by-stage");

        assertThat(Pages.heading(page)).startsWith("Deals of " + SEED_WEEK);
        assertThat(dealsByStage(page)).containsExactly(
                entry("Upstream (exploration, mining)", 1),
                entry("Midstream (separation, refining, metals)", 2),
                entry("Downstream (alloys, magnets, components)", 4),
                entry("Cross-chain and government", 2));
        assertThat(Pages.texts(page, "article h3")).hasSize(SEED_WEEK_DEALS).contains(DEFAULT_REVISED_HEADLINE)
                .contains("Torngat Metals and VAC sign an MOU on dysprosium and terbium from Strange Lake");
    }

    @Test
    void shouldNarrowTheListByStageAndByCountry() {
        WebDriver page = Pages.open(browser, stack.catalog("deals?week=" + SEED_WEEK));

        new Select(Pages.visible(page, By.id("stage"))).selectByValue("DOWNSTREAM");
        submitFilters(page);
        Pages.screenshot(browser, "deals-2-filtered-stage-downstream");

        assertThat(page.getCurrentUrl()).contains("stage=DOWNSTREAM");
        assertThat(dealsByStage(page)).containsExactly(entry("Downstream (alloys, magnets, components)", 4));
        assertThat(new Select(Pages.visible(page, By.id("stage"))).getFirstSelectedOption().getText())
                .as("the form keeps the chosen stage").isEqualTo("DOWNSTREAM");

        Pages.visible(page, By.id("country")).sendKeys("CA");
        submitFilters(page);
        Pages.screenshot(browser, "deals-3-filtered-downstream-and-ca");

        assertThat(Pages.texts(page, "article h3")).containsExactly(
                "Neo Performance Materials' Narva magnet plant on track to start production");

        new Select(Pages.visible(page, By.id("stage"))).selectByValue("");
        submitFilters(page);
        Pages.screenshot(browser, "deals-4-filtered-country-ca");

        assertThat(Pages.texts(page, "article h3")).containsExactlyInAnyOrder(
                "Neo Performance Materials' Narva magnet plant on track to start production",
                "Torngat Metals and VAC sign an MOU on dysprosium and terbium from Strange Lake");
    }

    @Test
    void shouldShowADealWithItsRevisions() {
        WebDriver page = Pages.open(browser, stack.catalog("deals?week=" + SEED_WEEK));

        Pages.clickThrough(page, By.linkText(DEFAULT_REVISED_HEADLINE), REVISION);
        Pages.screenshot(browser, "deals-5-detail-with-two-revisions");

        assertThat(page.getCurrentUrl()).endsWith("/deals/" + stack.seeded().revisedDealId());
        assertThat(Pages.heading(page)).isEqualTo(DEFAULT_REVISED_HEADLINE);
        List<WebElement> revisions = page.findElements(REVISION);
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).getText()).startsWith("1").contains(DEFAULT_ORIGINAL_HEADLINE);
        assertThat(revisions.get(1).getText()).startsWith("2").contains(DEFAULT_REVISED_HEADLINE);
    }

    @Test
    void shouldShowPartnerHtmlAsText() {
        WebDriver page = Pages.open(browser, stack.catalog("deals?week=" + ESCAPING_WEEK));
        Pages.screenshot(browser, "deals-6-partner-html-as-text-week");

        assertThat(Pages.texts(page, "article h3")).containsExactly(DEFAULT_ESCAPING_HEADLINE);
        assertThat(Pages.text(page, "article")).contains(DEFAULT_ESCAPING_PARTY);
        PageChecks.assertNoInjectedMarkup(page);

        Pages.clickThrough(page, By.cssSelector("article h3 a"), REVISION);
        Pages.screenshot(browser, "deals-7-partner-html-as-text-detail");

        assertThat(page.getCurrentUrl()).endsWith("/deals/" + stack.seeded().escapingDealId());
        assertThat(Pages.heading(page)).isEqualTo(DEFAULT_ESCAPING_HEADLINE);
        assertThat(Pages.text(page, "main")).contains(DEFAULT_ESCAPING_SUMMARY, DEFAULT_ESCAPING_PARTY,
                "<em>recycled</em> NdFeB");
        PageChecks.assertNoInjectedMarkup(page);
    }

    @Test
    void shouldBeWellMadeAndFitAPhone() {
        WebDriver page = Pages.open(browser, stack.catalog("deals?week=" + SEED_WEEK));
        PageChecks.assertWellMade(page);
        PageChecks.assertEveryFieldLabelled(page);

        PageChecks.assertFitsPhone(browser, "deals-8-week-phone-390px");
    }

    @Test
    void shouldShowADealOnAPhoneWithoutSideScrolling() {
        WebDriver page = Pages.open(browser, stack.catalog("deals/" + stack.seeded().revisedDealId()));
        PageChecks.assertWellMade(page);

        PageChecks.assertFitsPhone(browser, "deals-9-detail-phone-390px");
    }

    /** Sends the filter form as the page filled it in; the browser refuses a form its own pattern rejects. */
    private static void submitFilters(WebDriver page) {
        WebElement week = Pages.visible(page, By.id("week"));
        assertThat((Boolean) Pages.js(page, "return arguments[0].checkValidity();", week))
                .as("the week field the page filled in (%s) passes the page's own pattern=\"%s\"",
                        week.getDomProperty("value"), week.getDomAttribute("pattern"))
                .isTrue();
        Pages.clickThrough(page, By.cssSelector("form.filters button[type=submit]"), LISTED_DEAL);
    }

    /** Each stage section's title (without its count) and the number of deals listed under it. */
    private static Map<String, Integer> dealsByStage(WebDriver page) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (WebElement section : page.findElements(By.cssSelector("main section"))) {
            String title = section.findElement(By.tagName("h2")).getText().replaceAll("\\s*\\(\\d+\\)$", "");
            groups.put(title, section.findElements(By.tagName("article")).size());
        }
        return groups;
    }
}
