package io.dealwire.ingest.deal;

/**
 * OpenAPI examples from the seed week (week-2025-W37.json): its first deal, as partner "reex" would
 * send it, and the ids Deal Wire derives for it. DealExamplesTest keeps them equal to the seed.
 */
public final class DealExamples {

    public static final String SEED_DEAL = """
            {
              "externalId": "reex-2025-09-08-pakistan-usa-minerals",
              "headline": "Pakistan signs $500 million in critical-minerals agreements with U.S. firms",
              "summary": "Pakistan signed $500 million in agreements with U.S. firms, including US Strategic Metals, to develop and export critical minerals and explore a new refinery project.",
              "dealType": "AGREEMENT",
              "stage": "CROSS_CHAIN",
              "announcedOn": "2025-09-08",
              "reportedOn": "2025-09-08",
              "parties": [
                {"name": "Government of Pakistan", "role": "GOVERNMENT", "country": "PK"},
                {"name": "US Strategic Metals", "role": "PARTNER", "country": "US"}
              ],
              "value": {"amount": 500000000, "currency": "USD"},
              "products": ["critical minerals", "refinery project"],
              "tags": ["new-entrant", "cross-border"]
            }
            """;

    public static final String SEED_BATCH = "[" + SEED_DEAL + "]";

    /** The ids of {@link #SEED_DEAL} for partner {@code reex}. */
    public static final String ACCEPTED = """
            {"dealId": "bb6a1f85-70c3-5b39-90f8-9ca3e64c3b24", "eventId": "91c38568-cb69-543b-9937-5e30aafd39eb"}
            """;

    public static final String WITHDRAWN = """
            {"dealId": "bb6a1f85-70c3-5b39-90f8-9ca3e64c3b24", "eventId": "9f2780b8-3085-5b46-b4ad-f4e609918a2d"}
            """;

    public static final String INVALID = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "the request has invalid fields", "instance": "/api/v1/deals",
             "errors": [{"field": "parties[0].country", "message": "must be an ISO 3166-1 alpha-2 country code (e.g. US, DE)"}]}
            """;

    public static final String BATCH_RESULT = """
            {"accepted": 1, "rejected": 1, "failed": 0, "results": [
              {"index": 0, "externalId": "reex-2025-09-08-pakistan-usa-minerals", "status": "ACCEPTED",
               "dealId": "bb6a1f85-70c3-5b39-90f8-9ca3e64c3b24", "eventId": "91c38568-cb69-543b-9937-5e30aafd39eb"},
              {"index": 1, "externalId": "reex-typo", "status": "REJECTED",
               "errors": [{"field": "headlin", "message": "unknown field"}]}]}
            """;

    private DealExamples() {
    }
}
