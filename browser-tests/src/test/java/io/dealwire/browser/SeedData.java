package io.dealwire.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dealwire.localstack.DemoData;

/**
 * What the browser tests put into the stack, through the partner API: the seed week (nine deals of
 * 2025-W37), a revision of one of them, a deal whose partner text is full of HTML (2025-W38) and one
 * deal of 2025-W39 to send an issue after unsubscribing.
 */
final class SeedData {

    static final String SEED_WEEK = DemoData.WEEK;
    static final int SEED_WEEK_DEALS = 9;
    static final String ESCAPING_WEEK = "2025-W38";
    static final String LATER_WEEK = "2025-W39";

    /** The seed deal that is revised: its second revision has a new headline. */
    static final String DEFAULT_REVISED_EXTERNAL_ID = "reex-2025-08-27-gm-noveon-offtake";
    static final String DEFAULT_ORIGINAL_HEADLINE = "GM signs a magnet offtake with Noveon Magnetics";
    static final String DEFAULT_REVISED_HEADLINE = "GM signs a multi-year magnet offtake with Noveon Magnetics";

    static final String DEFAULT_ESCAPING_EXTERNAL_ID = "browser-tests-escaping";
    static final String DEFAULT_ESCAPING_HEADLINE =
            "Recycler <b>bold</b> <script>alert(1)</script> opens a magnet recycling line";
    static final String DEFAULT_ESCAPING_PARTY = "Cyclic <i>Example</i> & Co";
    static final String DEFAULT_ESCAPING_SUMMARY =
            "Partner text with <img src=x onerror=\"alert(2)\"> and <a href=\"javascript:alert(3)\">links</a>.";

    static final String DEFAULT_LATER_EXTERNAL_ID = "browser-tests-later-week";
    static final String DEFAULT_LATER_HEADLINE = "Example Separation Ltd starts a pilot line in Estonia";

    /** Subscribed and confirmed while seeding; receives the 2025-W37 issue, then unsubscribes. */
    static final String DEFAULT_READER_EMAIL = "reader@browser-tests.dealwire.local";
    static final String DEFAULT_READER_NAME = "Rea Der";
    /** Subscribes through the subscribe page. */
    static final String DEFAULT_PAGE_SUBSCRIBER_EMAIL = "page.subscriber@browser-tests.dealwire.local";
    static final String DEFAULT_PAGE_SUBSCRIBER_NAME = "Page Subscriber";

    private SeedData() {
    }

    /** The nine partner payloads of the seed week (local-stack's copy of shared/data/week-2025-W37.json). */
    static ArrayNode seedWeek() {
        return (ArrayNode) DemoData.week();
    }

    static ObjectNode revisedDeal() {
        for (JsonNode deal : seedWeek()) {
            if (DEFAULT_REVISED_EXTERNAL_ID.equals(deal.path("externalId").asText())) {
                ObjectNode revised = (ObjectNode) deal.deepCopy();
                revised.put("headline", DEFAULT_REVISED_HEADLINE);
                return revised;
            }
        }
        throw new IllegalStateException(DEFAULT_REVISED_EXTERNAL_ID + " is not in the seed week");
    }

    static ObjectNode escapingDeal() {
        ObjectNode deal = Api.JSON.createObjectNode()
                .put("externalId", DEFAULT_ESCAPING_EXTERNAL_ID)
                .put("headline", DEFAULT_ESCAPING_HEADLINE)
                .put("summary", DEFAULT_ESCAPING_SUMMARY)
                .put("dealType", "FACILITY")
                .put("stage", "RECYCLING")
                .put("announcedOn", "2025-09-15")
                .put("reportedOn", "2025-09-16");
        deal.putArray("parties").addObject()
                .put("name", DEFAULT_ESCAPING_PARTY).put("role", "OPERATOR").put("country", "CA");
        deal.putArray("products").add("<em>recycled</em> NdFeB");
        return deal;
    }

    static ObjectNode laterDeal() {
        ObjectNode deal = Api.JSON.createObjectNode()
                .put("externalId", DEFAULT_LATER_EXTERNAL_ID)
                .put("headline", DEFAULT_LATER_HEADLINE)
                .put("dealType", "FACILITY")
                .put("stage", "MIDSTREAM")
                .put("announcedOn", "2025-09-22")
                .put("reportedOn", "2025-09-23");
        deal.putArray("parties").addObject()
                .put("name", "Example Separation Ltd").put("role", "OPERATOR").put("country", "EE");
        return deal;
    }
}
