package io.dealwire.browser;

import static io.dealwire.browser.SeedData.DEFAULT_READER_EMAIL;
import static io.dealwire.browser.SeedData.DEFAULT_READER_NAME;
import static io.dealwire.browser.SeedData.DEFAULT_REVISED_HEADLINE;
import static io.dealwire.browser.SeedData.ESCAPING_WEEK;
import static io.dealwire.browser.SeedData.LATER_WEEK;
import static io.dealwire.browser.SeedData.SEED_WEEK;
import static io.dealwire.browser.SeedData.SEED_WEEK_DEALS;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.localstack.DevKeys;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Seeds the stack the way its users would: a reader subscribes and confirms by the mailed link, the
 * partner posts the seed week, revises a deal and posts two more, the editor sends 2025-W37.
 */
final class Seeding {

    private final Stack stack;
    private final Api api;

    Seeding(Stack stack) {
        this.stack = stack;
        this.api = stack.api();
    }

    Seeded run() {
        subscribeReader();
        postSeedWeek();
        String revisedDealId = submit(SeedData.revisedDeal());
        String escapingDealId = submit(SeedData.escapingDeal());
        submit(SeedData.laterDeal());

        awaitCatalog(revisedDealId, escapingDealId);
        awaitDigestPreviews();
        stack.sendIssue(SEED_WEEK);
        MimeMessage issue = stack.inbox().await(DEFAULT_READER_EMAIL, "the " + SEED_WEEK + " issue",
                Inbox.digestOf(SEED_WEEK));
        return new Seeded(revisedDealId, escapingDealId, issue);
    }

    private void subscribeReader() {
        String body = Api.JSON.createObjectNode().put("email", DEFAULT_READER_EMAIL).put("name", DEFAULT_READER_NAME)
                .toString();
        Api.expect(202, api.postJson(stack.digest("api/v1/subscriptions"), body, null), "subscribe the reader");
        MimeMessage mail = stack.inbox().await(DEFAULT_READER_EMAIL, "the confirmation mail", Inbox.confirmation());
        // the link opens a page whose button POSTs to the same address
        Api.expect(200, api.post(URI.create(Inbox.link(mail, "/confirm/")), null), "confirm the reader");
    }

    private void postSeedWeek() {
        JsonNode result = Api.expect(200, api.postJson(stack.ingest("api/v1/deals/batch"),
                SeedData.seedWeek().toString(), DevKeys.PARTNER_KEY), "post the seed week").json();
        if (result.path("accepted").asInt() != SEED_WEEK_DEALS) {
            throw new IllegalStateException("the seed week was not accepted as a whole: " + result);
        }
    }

    private String submit(JsonNode deal) {
        return Api.expect(202, api.postJson(stack.ingest("api/v1/deals"), deal.toString(), DevKeys.PARTNER_KEY),
                "submit " + deal.path("externalId").asText()).json().path("dealId").asText();
    }

    private void awaitCatalog(String revisedDealId, String escapingDealId) {
        awaitTrue("the catalog to hold the seed week", () -> api.get(
                stack.catalog("api/v1/weeks/" + SEED_WEEK + "/summary"), null).json().path("count").asInt()
                == SEED_WEEK_DEALS);
        awaitTrue("the catalog to hold both revisions", () -> api.get(
                stack.catalog("api/v1/deals/" + revisedDealId + "/revisions"), null).json().size() == 2);
        awaitTrue("the catalog to hold the escaping deal", () -> api.get(
                stack.catalog("api/v1/deals/" + escapingDealId), null).status() == 200);
        awaitTrue("the catalog to hold the later deal", () -> api.get(
                stack.catalog("api/v1/weeks/" + LATER_WEEK + "/summary"), null).json().path("count").asInt() == 1);
    }

    private void awaitDigestPreviews() {
        awaitTrue("the digest to hold the seed week with the revision", () -> {
            Api.Reply preview = api.get(stack.digest("api/v1/digests/" + SEED_WEEK + "/preview?format=text"),
                    DevKeys.ADMIN_KEY);
            return preview.status() == 200 && preview.body().contains(SEED_WEEK_DEALS + " deals")
                    && preview.body().contains(DEFAULT_REVISED_HEADLINE);
        });
        for (String week : new String[] {ESCAPING_WEEK, LATER_WEEK}) {
            awaitTrue("the digest to hold " + week, () -> api.get(
                    stack.digest("api/v1/digests/" + week + "/preview?format=text"), DevKeys.ADMIN_KEY).status() == 200);
        }
    }

    private static void awaitTrue(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Stack.PIPELINE_WAIT).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(condition);
    }
}
