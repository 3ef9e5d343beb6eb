package io.dealwire.bench.load;

import io.dealwire.contract.DealIds;
import io.dealwire.localstack.DevKeys;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Valid partner deals of about 1 KB, each with its own externalId, so every POST is a real new
 * submission (never a dropped retry). The summary is padded to reach the size.
 */
public final class DealBodies {

    public static final int TARGET_BYTES = 1024;
    private static final String TEMPLATE = """
            {"externalId":"%s","headline":"Bench Metals signs a NdFeB magnet offtake with Rare Motors (%s)",\
            "summary":"%s","dealType":"OFFTAKE","stage":"DOWNSTREAM","announcedOn":"2025-09-08",\
            "reportedOn":"%s","parties":[{"name":"Bench Metals Ltd","role":"SUPPLIER","country":"AU"},\
            {"name":"Rare Motors GmbH","role":"CUSTOMER","country":"DE"}],"location":{"place":"Kalgoorlie",\
            "country":"AU"},"elements":["Nd","Pr","Dy"],"products":["NdFeB magnets"],\
            "value":{"amount":125000000,"currency":"USD"},"capacity":{"amount":5000,"unit":"t/y"},"jobs":120,\
            "sources":["https://example.com/news/bench"],"tags":["benchmark"]}""";
    private static final String FILLER = "Offtake of separated oxides and magnet alloy over ten years. ";

    private final String runId;
    private final String reportedOn;
    private final String summary;

    /**
     * @param runId distinguishes the externalIds of runs that share a broker
     * @param reportedOn decides the deal's ISO week
     */
    public DealBodies(String runId, String reportedOn) {
        this.runId = runId;
        this.reportedOn = reportedOn;
        int base = json("x", "").getBytes(StandardCharsets.UTF_8).length;
        int room = Math.max(TARGET_BYTES - base - externalId(0).length(), 0);
        this.summary = FILLER.repeat(room / FILLER.length() + 1).substring(0, room).trim();
    }

    public String externalId(long index) {
        return "bench-" + runId + "-" + index;
    }

    public String body(long index) {
        return json(externalId(index), summary);
    }

    private String json(String externalId, String text) {
        return String.format(TEMPLATE, externalId, externalId, text, reportedOn);
    }

    public UUID dealId(long index) {
        return DealIds.dealId(DevKeys.PARTNER_ID, externalId(index));
    }
}
