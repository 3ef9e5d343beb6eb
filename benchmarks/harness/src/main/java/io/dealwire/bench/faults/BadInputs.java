package io.dealwire.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dealwire.bench.load.DealBodies;
import io.dealwire.localstack.DevKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The bad requests of the campaign, by category; each must get a 4xx problem+json and publish nothing. */
final class BadInputs {

    /** One request: where, with which content type and key, and the body. */
    record Case(String category, String name, String path, String contentType, String bearer, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SINGLE = "api/v1/deals";
    static final String BATCH = "api/v1/deals/batch";

    private final DealBodies bodies;
    private final List<Case> cases = new ArrayList<>();
    private long next;

    BadInputs(DealBodies bodies) {
        this.bodies = bodies;
    }

    List<Case> all() {
        malformed();
        wrongTypes();
        unknownFields();
        huge();
        deepNesting();
        badEnumsAndCodes();
        controlCharacters();
        wrongMediaAndKeys();
        return cases;
    }

    private void malformed() {
        for (String body : List.of("", "{", "{\"externalId\":", "not json", "null", "\"a string\"", "42", "[]",
                "{'externalId':'x'}", "{\"externalId\":\"x\",}", validText() + " trailing", validText() + "{}",
                "{\"jobs\": NaN}", "/* comment */ " + validText(),
                validText().replace("\"headline\"", "\"headline\":\"dup\",\"headline\""))) {
            raw("malformed JSON", body.length() > 40 ? body.substring(0, 40) + "…" : body, body);
        }
        cases.add(new Case("malformed JSON", "invalid UTF-8", SINGLE, "application/json", DevKeys.PARTNER_KEY,
                concat(valid().toString().substring(0, 30).getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}'})));
    }

    private void wrongTypes() {
        mutate("wrong types", "headline number", d -> d.put("headline", 42));
        mutate("wrong types", "parties object", d -> d.set("parties", d.objectNode().put("name", "x")));
        mutate("wrong types", "jobs text", d -> d.put("jobs", "ten"));
        mutate("wrong types", "jobs fraction", d -> d.put("jobs", 1.5));
        mutate("wrong types", "jobs negative", d -> d.put("jobs", -1));
        mutate("wrong types", "value.amount text", d -> ((ObjectNode) d.get("value")).put("amount", "lots"));
        mutate("wrong types", "value.amount zero", d -> ((ObjectNode) d.get("value")).put("amount", 0));
        mutate("wrong types", "value.amount over 10^13", d -> ((ObjectNode) d.get("value")).put("amount", 1e14));
        mutate("wrong types", "announcedOn number", d -> d.put("announcedOn", 20250908));
        mutate("wrong types", "elements string", d -> d.put("elements", "Nd"));
        mutate("wrong types", "externalId number", d -> d.put("externalId", 123));
        mutate("wrong types", "stage boolean", d -> d.put("stage", true));
        mutate("wrong types", "headline null", d -> d.putNull("headline"));
        mutate("wrong types", "parties empty", d -> d.set("parties", d.arrayNode()));
        mutate("wrong types", "party null", d -> ((ArrayNode) d.get("parties")).addNull());
    }

    private void unknownFields() {
        mutate("unknown fields", "top level", d -> d.put("headlien", "typo"));
        mutate("unknown fields", "in a party", d -> ((ObjectNode) d.get("parties").get(0)).put("email", "a@b.c"));
        mutate("unknown fields", "in value", d -> ((ObjectNode) d.get("value")).put("fx", 1.1));
        mutate("unknown fields", "dealId given", d -> d.put("dealId", "00000000-0000-0000-0000-000000000001"));
    }

    private void huge() {
        mutate("huge", "headline 201 characters", d -> d.put("headline", "h".repeat(201)));
        mutate("huge", "summary 4001 characters", d -> d.put("summary", "s".repeat(4001)));
        mutate("huge", "externalId 129 characters", d -> d.put("externalId", "e".repeat(129)));
        mutate("huge", "21 parties", d -> {
            ArrayNode parties = d.arrayNode();
            for (int i = 0; i < 21; i++) {
                parties.add(d.get("parties").get(0).deepCopy());
            }
            d.set("parties", parties);
        });
        mutate("huge", "11 products", d -> {
            ArrayNode products = d.arrayNode();
            for (int i = 0; i < 11; i++) {
                products.add("p" + i);
            }
            d.set("products", products);
        });
        mutate("huge", "body 300 KiB (limit 256 KiB)", d -> d.put("summary", "s".repeat(300 * 1024)));
        mutate("huge", "body 17 MiB (over the HTTP backstop)", d -> d.put("summary", "s".repeat(17 * 1024 * 1024)));
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            batch.append(i == 0 ? "" : ",").append(bodies.body(1_000_000 + i));
        }
        cases.add(new Case("huge", "batch of 1001 deals (limit 1000)", BATCH, "application/json",
                DevKeys.PARTNER_KEY, batch.append(']').toString().getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("huge", "batch body 9 MiB (limit 8 MiB)", BATCH, "application/json",
                DevKeys.PARTNER_KEY, ("[" + valid().put("summary", "s".repeat(9 * 1024 * 1024)) + "]")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private void deepNesting() {
        int depth = 5000;
        raw("deep nesting", "tags nested " + depth + " arrays deep",
                validText().replace("\"tags\":[\"benchmark\"]", "\"tags\":" + "[".repeat(depth) + "]".repeat(depth)));
        raw("deep nesting", "unknown field nested " + depth + " objects deep",
                validText().replace("{\"externalId\"", "{\"x\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)
                        + ",\"externalId\""));
        cases.add(new Case("deep nesting", "batch of arrays " + depth + " deep", BATCH, "application/json",
                DevKeys.PARTNER_KEY, ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8)));
    }

    private void badEnumsAndCodes() {
        mutate("bad enums and codes", "dealType LOAN", d -> d.put("dealType", "LOAN"));
        mutate("bad enums and codes", "stage lower case", d -> d.put("stage", "downstream"));
        mutate("bad enums and codes", "party role OWNER", d -> ((ObjectNode) d.get("parties").get(0)).put("role", "OWNER"));
        mutate("bad enums and codes", "country XX", d -> ((ObjectNode) d.get("parties").get(0)).put("country", "XX"));
        mutate("bad enums and codes", "country usa", d -> ((ObjectNode) d.get("parties").get(0)).put("country", "usa"));
        mutate("bad enums and codes", "country lower case", d -> ((ObjectNode) d.get("location")).put("country", "au"));
        mutate("bad enums and codes", "currency USX", d -> ((ObjectNode) d.get("value")).put("currency", "USX"));
        mutate("bad enums and codes", "currency lower case", d -> ((ObjectNode) d.get("value")).put("currency", "usd"));
        mutate("bad enums and codes", "element Fe", d -> d.set("elements", d.arrayNode().add("Fe")));
        mutate("bad enums and codes", "element repeated", d -> d.set("elements", d.arrayNode().add("Nd").add("Nd")));
        mutate("bad enums and codes", "capacity unit t/d", d -> ((ObjectNode) d.get("capacity")).put("unit", "t/d"));
        mutate("bad enums and codes", "announcedOn 2025-13-01", d -> d.put("announcedOn", "2025-13-01"));
        mutate("bad enums and codes", "announcedOn 2999-01-01", d -> d.put("announcedOn", "2999-01-01"));
        mutate("bad enums and codes", "announcedOn 1900-01-01", d -> d.put("announcedOn", "1900-01-01"));
        mutate("bad enums and codes", "expectedStart 2025-13", d -> d.put("expectedStart", "2025-13"));
        mutate("bad enums and codes", "source http", d -> d.set("sources", d.arrayNode().add("http://example.com/x")));
        mutate("bad enums and codes", "source javascript:", d -> d.set("sources",
                d.arrayNode().add("javascript:alert(1)")));
        mutate("bad enums and codes", "externalId with a slash", d -> d.put("externalId", "a/b"));
        mutate("bad enums and codes", "externalId with a space", d -> d.put("externalId", "a b"));
    }

    private void controlCharacters() {
        mutate("control characters", "NUL in headline", d -> d.put("headline", "a\u0000b"));
        mutate("control characters", "BEL in headline", d -> d.put("headline", "a\u0007b"));
        mutate("control characters", "ANSI escape in headline", d -> d.put("headline", "\u001b[31mred"));
        mutate("control characters", "CR in summary", d -> d.put("summary", "line\r\nline"));
        mutate("control characters", "newline in party name",
                d -> ((ObjectNode) d.get("parties").get(0)).put("name", "a\nb"));
        mutate("control characters", "DEL in a product", d -> d.set("products", d.arrayNode().add("x\u007fy")));
    }

    private void wrongMediaAndKeys() {
        byte[] valid = valid().toString().getBytes(StandardCharsets.UTF_8);
        cases.add(new Case("media type and key", "text/plain", SINGLE, "text/plain", DevKeys.PARTNER_KEY, valid));
        cases.add(new Case("media type and key", "application/xml", SINGLE, "application/xml", DevKeys.PARTNER_KEY,
                "<deal/>".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("media type and key", "form", SINGLE, "application/x-www-form-urlencoded",
                DevKeys.PARTNER_KEY, "a=b".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("media type and key", "no key", SINGLE, "application/json", null,
                valid().toString().getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("media type and key", "wrong key", SINGLE, "application/json", "not-a-key",
                valid().toString().getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("media type and key", "batch not an array", BATCH, "application/json",
                DevKeys.PARTNER_KEY, valid().toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh valid deal (its own externalId): any publication would show in the topic. */
    private ObjectNode valid() {
        try {
            return (ObjectNode) JSON.readTree(bodies.body(next++));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String validText() {
        return bodies.body(next++);
    }

    private void mutate(String category, String name, Consumer<ObjectNode> change) {
        ObjectNode deal = valid();
        change.accept(deal);
        raw(category, name, deal.toString());
    }

    private void raw(String category, String name, String body) {
        cases.add(new Case(category, name, SINGLE, "application/json", DevKeys.PARTNER_KEY,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static boolean isProblem(JsonNode body, int status) {
        return body != null && body.path("status").asInt() == status && body.has("title");
    }
}
