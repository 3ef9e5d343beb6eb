package io.dealwire.localstack;

/** A minimal valid deal, posted to a running ingest as the development partner: the load of the stack tests. */
final class PartnerPosts {

    private PartnerPosts() {
    }

    static Http.Reply post(Http http, ServiceProcess ingest, String externalId, String headline) throws Exception {
        String deal = """
                {"externalId": "%s", "headline": "%s", "dealType": "OFFTAKE", "stage": "MIDSTREAM",
                 "announcedOn": "2025-09-08",
                 "parties": [{"name": "Stack Test Metals", "role": "SUPPLIER", "country": "AU"}]}
                """.formatted(externalId, headline);
        return http.postJson(ingest.baseUri().resolve("api/v1/deals"), deal, DevKeys.PARTNER_KEY);
    }
}
