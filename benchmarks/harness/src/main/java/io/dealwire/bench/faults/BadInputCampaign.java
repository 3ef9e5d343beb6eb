package io.dealwire.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.bench.load.DealBodies;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.contract.Topics;
import io.dealwire.localstack.DevKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Bad requests against the partner API: every one must be answered 4xx with an
 * application/problem+json body, none 5xx, and the deals topic must not grow. Text with HTML or
 * script in it is legal plain text by the contract: it must be accepted verbatim or refused, never
 * 5xx, and wherever the catalog renders it as HTML it must be escaped.
 */
final class BadInputCampaign {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "<script>alert('dw')</script>";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Findings findings;

    BadInputCampaign(Findings findings) {
        this.findings = findings;
    }

    void run(JavaProcess ingest, JavaProcess catalog, Admin admin, long seed) throws Exception {
        DealBodies bodies = new DealBodies("badinput-" + seed, "2025-09-17");
        List<BadInputs.Case> cases = new BadInputs(bodies).all();
        long before = CatalogInvariant.endOffsetSum(admin, Topics.DEALS);
        Map<String, List<String>> failures = new LinkedHashMap<>();
        Map<String, Integer> perCategory = new LinkedHashMap<>();
        int serverErrors = 0;
        for (BadInputs.Case bad : cases) {
            perCategory.merge(bad.category(), 1, Integer::sum);
            String problem = check(ingest.baseUri(), bad);
            if (problem != null) {
                failures.computeIfAbsent(bad.category(), c -> new ArrayList<>()).add(bad.name() + ": " + problem);
                if (problem.startsWith("5")) {
                    serverErrors++;
                }
            }
        }
        Thread.sleep(2000);
        long published = CatalogInvariant.endOffsetSum(admin, Topics.DEALS) - before;
        for (Map.Entry<String, Integer> category : perCategory.entrySet()) {
            List<String> failed = failures.getOrDefault(category.getKey(), List.of());
            findings.add("bad input: " + category.getKey(), category.getValue() + " requests", "one at a time",
                    failed.isEmpty(), failed.isEmpty() ? "all 4xx application/problem+json"
                            : failed.size() + " not 4xx problem+json: " + String.join("; ", failed));
        }
        findings.add("bad input: nothing published", cases.size() + " bad requests", "", published == 0 && serverErrors == 0,
                published + " records added to " + Topics.DEALS + "; " + serverErrors + " answers 5xx");
        htmlInText(ingest, catalog, bodies);
    }

    /** null when the answer is a 4xx problem+json, else what was wrong. */
    private String check(URI base, BadInputs.Case bad) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(bad.path())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", bad.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        if (bad.bearer() != null) {
            request.header("Authorization", "Bearer " + bad.bearer());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status < 400 || status > 499) {
                return status + " " + abbreviate(response.body());
            }
            if (!type.startsWith("application/problem+json")) {
                return status + " with Content-Type '" + type + "'";
            }
            JsonNode body = JSON.readTree(response.body());
            return BadInputs.isProblem(body, status) ? null : status + " body not a problem: " + abbreviate(response.body());
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void htmlInText(JavaProcess ingest, JavaProcess catalog, DealBodies bodies) throws Exception {
        long index = 2_000_000;
        ObjectMapperDeal deal = new ObjectMapperDeal(bodies.body(index));
        deal.json().put("headline", "Magnets " + SCRIPT);
        deal.json().put("summary", "<img src=x onerror=alert(1)> & <b>bold</b>");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(ingest.baseUri().resolve(BadInputs.SINGLE))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + DevKeys.PARTNER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(deal.json().toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400 && response.statusCode() < 500) {
            findings.add("bad input: HTML/script in text", "headline and summary with tags", "", true,
                    "refused " + response.statusCode());
            return;
        }
        if (response.statusCode() != 202) {
            findings.add("bad input: HTML/script in text", "headline and summary with tags", "", false,
                    "answered " + response.statusCode());
            return;
        }
        URI api = catalog.baseUri().resolve("api/v1/deals/" + bodies.dealId(index));
        URI page = catalog.baseUri().resolve("deals/" + bodies.dealId(index));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> item;
        do {
            Thread.sleep(500);
            item = client.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString());
        } while (item.statusCode() != 200 && System.nanoTime() < deadline);
        HttpResponse<String> html = client.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        boolean verbatim = item.statusCode() == 200
                && JSON.readTree(item.body()).path("headline").asText().equals("Magnets " + SCRIPT);
        boolean escaped = html.statusCode() == 200 && !html.body().contains(SCRIPT)
                && !html.body().contains("<img src=x") && html.body().contains("&lt;script&gt;");
        findings.add("bad input: HTML/script in text", "headline and summary with tags",
                "accepted as plain text (202), as the contract allows", verbatim && escaped,
                "catalog JSON verbatim: " + verbatim + "; catalog page /deals/{id} (" + html.statusCode()
                        + ") escapes it: " + escaped);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    /** A deal body as a mutable JSON object. */
    private record ObjectMapperDeal(com.fasterxml.jackson.databind.node.ObjectNode json) {

        ObjectMapperDeal(String body) throws IOException {
            this((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body));
        }
    }
}
