package io.dealwire.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shared list of sample documents: each is the valid default deal with one mutation, and says
 * what the records must answer. The rules test checks the answers; the agreement test checks that
 * the JSON Schema gives the same verdict, except where {@link DealCase#schemaBlind} says why it cannot.
 */
final class DealCases {

    enum Outcome { VALID, VIOLATION, JSON_ERROR }

    /**
     * @param path        the Bean Validation property path, or the JSON path of a JSON-layer error
     * @param fragment    for JSON errors, a part of the expected reason
     * @param schemaBlind why the schema cannot judge this sample the way the records do, or null
     */
    record DealCase(String name, String json, Outcome outcome, String path, String fragment, String schemaBlind) {
        DealCase recordsOnly(String why) {
            return new DealCase(name, json, outcome, path, fragment, why);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String TOMORROW_RULE = "'not later than tomorrow (UTC)' depends on today: records only";
    private static final String JSON_SYNTAX = "a JSON-syntax rule: the schema only sees the parsed tree";

    private DealCases() {
    }

    static List<DealCase> valid() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        return List.of(
                valid("the default deal with every field", d -> { }),
                valid("only the required fields", d -> List.of("summary", "reportedOn", "location", "elements",
                        "products", "value", "capacity", "jobs", "expectedStart", "sources", "tags").forEach(d::remove)),
                valid("optional fields as explicit nulls", d -> List.of("summary", "reportedOn", "location",
                        "elements", "products", "value", "capacity", "jobs", "expectedStart", "sources", "tags")
                        .forEach(f -> d.putNull(f))),
                valid("externalId of 128 allowed characters", d -> d.put("externalId",
                        "Az09._:-".repeat(16))),
                valid("headline of 200 characters, non-ASCII", d -> d.put("headline", "Société – 稀土 ".repeat(20).substring(0, 200))),
                valid("summary of 4000 characters with line feeds and tabs", d -> d.put("summary",
                        "line\n\tmor ".repeat(400))),
                valid("empty summary", d -> d.put("summary", "")),
                valid("20 parties", d -> d.set("parties", repeat(d.get("parties").get(0), 20))),
                valid("all 17 elements", d -> d.set("elements", strings("Sc", "Y", "La", "Ce", "Pr", "Nd", "Pm",
                        "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu"))),
                valid("no elements", d -> d.set("elements", Checks.PLAIN.createArrayNode())),
                valid("10 products of 60 characters", d -> d.set("products", repeat(text("p".repeat(60)), 10))),
                valid("value of exactly 10^13", d -> value(d).put("amount", new BigDecimal("10000000000000"))),
                valid("value of one cent", d -> value(d).put("amount", new BigDecimal("0.01"))),
                valid("value in EUR", d -> value(d).put("currency", "EUR")),
                valid("capacity in kg/y", d -> capacity(d).put("unit", "kg/y")),
                valid("capacity in t, decimal", d -> capacity(d).put("unit", "t").put("amount", new BigDecimal("0.5"))),
                valid("zero jobs", d -> d.put("jobs", 0)),
                valid("expectedStart as a month", d -> d.put("expectedStart", "2027-02")),
                valid("expectedStart as a leap day", d -> d.put("expectedStart", "2028-02-29")),
                valid("10 sources, one of 2000 characters with port and query", d -> {
                    ArrayNode sources = repeat(text("https://example.com/news"), 9);
                    String prefix = "https://news.example.com:8443/a?b=";
                    sources.add(prefix + "c".repeat(2000 - prefix.length()));
                    d.set("sources", sources);
                }),
                valid("20 tags of 40 characters", d -> d.set("tags", repeat(text("t".repeat(40)), 20))),
                valid("announced on 1950-01-01", d -> d.put("announcedOn", "1950-01-01")),
                valid("announced and reported tomorrow (UTC)", d -> d.put("announcedOn", tomorrow.toString())
                        .put("reportedOn", tomorrow.toString())),
                valid("location without place", d -> location(d).remove("place")));
    }

    static List<DealCase> invalid() {
        String dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        List<DealCase> cases = new ArrayList<>(List.of(
                violation("externalId missing", "externalId", d -> d.remove("externalId")),
                violation("externalId empty", "externalId", d -> d.put("externalId", "")),
                violation("externalId with a space", "externalId", d -> d.put("externalId", "a b")),
                violation("externalId with a slash", "externalId", d -> d.put("externalId", "a/b")),
                violation("externalId of 129 characters", "externalId", d -> d.put("externalId", "a".repeat(129))),
                violation("externalId with a trailing line feed", "externalId", d -> d.put("externalId", "abc\n")),
                violation("headline missing", "headline", d -> d.remove("headline")),
                violation("headline empty", "headline", d -> d.put("headline", "")),
                violation("headline blank", "headline", d -> d.put("headline", "   ")),
                violation("headline of 201 characters", "headline", d -> d.put("headline", "h".repeat(201))),
                violation("headline with a tab", "headline", d -> d.put("headline", "a\tb")),
                violation("headline with a trailing line feed", "headline", d -> d.put("headline", "headline\n")),
                violation("headline with DEL", "headline", d -> d.put("headline", "a\u007Fb")),
                violation("summary of 4001 characters", "summary", d -> d.put("summary", "s".repeat(4001))),
                violation("summary with a carriage return", "summary", d -> d.put("summary", "a\r\nb")),
                violation("summary with NUL", "summary", d -> d.put("summary", "a\u0000b")),
                violation("summary with an escape sequence", "summary", d -> d.put("summary", "\u001B[31mred")),
                violation("dealType missing", "dealType", d -> d.remove("dealType")),
                jsonError("dealType in lower case", "dealType", "one of FINANCING", d -> d.put("dealType", "facility")),
                jsonError("dealType unknown", "dealType", "one of", d -> d.put("dealType", "LOAN")),
                jsonError("dealType as an enum index", "dealType", "one of", d -> d.put("dealType", 1)),
                violation("stage missing", "stage", d -> d.remove("stage")),
                jsonError("stage unknown", "stage", "one of UPSTREAM", d -> d.put("stage", "MINING")),
                violation("announcedOn missing", "announcedOn", d -> d.remove("announcedOn")),
                violation("announcedOn before 1950", "announcedOn", d -> d.put("announcedOn", "1949-12-31")),
                violation("announcedOn after tomorrow", "announcedOn", d -> d.put("announcedOn", dayAfterTomorrow))
                        .recordsOnly(TOMORROW_RULE),
                jsonError("announcedOn not in the calendar", "announcedOn", "ISO date", d -> d.put("announcedOn",
                        "2025-02-30")),
                jsonError("announcedOn without zero padding", "announcedOn", "ISO date", d -> d.put("announcedOn",
                        "2025-9-8")),
                jsonError("announcedOn as a date-time", "announcedOn", "ISO date", d -> d.put("announcedOn",
                        "2025-09-08T10:00:00Z")),
                jsonError("announcedOn as a number", "announcedOn", "ISO date", d -> d.put("announcedOn", 20250908)),
                jsonError("announcedOn as an array", "announcedOn", "ISO date", d -> d.set("announcedOn",
                        Checks.PLAIN.createArrayNode().add(2025).add(9).add(8))),
                violation("reportedOn before 1950", "reportedOn", d -> d.put("reportedOn", "1900-01-01")),
                violation("reportedOn after tomorrow", "reportedOn", d -> d.put("reportedOn", dayAfterTomorrow))
                        .recordsOnly(TOMORROW_RULE),
                violation("parties missing", "parties", d -> d.remove("parties")),
                violation("parties null", "parties", d -> d.putNull("parties")),
                violation("no parties", "parties", d -> d.set("parties", Checks.PLAIN.createArrayNode())),
                violation("21 parties", "parties", d -> d.set("parties", repeat(d.get("parties").get(0), 21))),
                violation("a null party", "parties[1].<list element>", d -> parties(d).setNull(1)),
                violation("party name missing", "parties[0].name", d -> party(d).remove("name")),
                violation("party name blank", "parties[0].name", d -> party(d).put("name", " ")),
                violation("party name of 121 characters", "parties[0].name", d -> party(d).put("name", "n".repeat(121))),
                violation("party name with a line feed", "parties[0].name", d -> party(d).put("name", "a\nb")),
                violation("party role missing", "parties[0].role", d -> party(d).remove("role")),
                jsonError("party role unknown", "parties[0].role", "one of BUYER", d -> party(d).put("role", "OWNER")),
                violation("party country missing", "parties[0].country", d -> party(d).remove("country")),
                violation("party country in lower case", "parties[0].country", d -> party(d).put("country", "kr")),
                violation("party country alpha-3", "parties[0].country", d -> party(d).put("country", "KOR")),
                violation("party country not assigned", "parties[0].country", d -> party(d).put("country", "XX")),
                jsonError("party with an unknown field", "parties[0].colour", "unrecognized field",
                        d -> party(d).put("colour", "red")),
                violation("location country missing", "location.country", d -> location(d).remove("country")),
                violation("location country unknown", "location.country", d -> location(d).put("country", "EU")),
                violation("location place of 121 characters", "location.place", d -> location(d).put("place",
                        "p".repeat(121))),
                violation("location place blank", "location.place", d -> location(d).put("place", "  ")),
                violation("location place with a line feed", "location.place", d -> location(d).put("place", "a\n")),
                jsonError("location with an unknown field", "location.region", "unrecognized field",
                        d -> location(d).put("region", "Georgia")),
                jsonError("location as a string", "location", "must be an object", d -> d.put("location", "Columbus")),
                violation("element repeated", "elements", d -> d.set("elements", strings("Nd", "Pr", "Nd"))),
                violation("a null element", "elements[0].<list element>", d -> ((ArrayNode) d.get("elements"))
                        .setNull(0)),
                jsonError("element not a rare earth", "elements[0]", "one of Sc", d -> d.set("elements",
                        strings("Fe"))),
                jsonError("element symbol in lower case", "elements[0]", "one of Sc", d -> d.set("elements",
                        strings("nd"))),
                jsonError("element by its name", "elements[0]", "one of Sc", d -> d.set("elements",
                        strings("NEODYMIUM"))),
                violation("11 products", "products", d -> d.set("products", repeat(text("p"), 11))),
                violation("product of 61 characters", "products[0].<list element>", d -> d.set("products",
                        strings("p".repeat(61)))),
                violation("product blank", "products[0].<list element>", d -> d.set("products", strings(""))),
                violation("product with a tab", "products[0].<list element>", d -> d.set("products",
                        strings("a\tb"))),
                violation("value amount missing", "value.amount", d -> value(d).remove("amount")),
                violation("value amount zero", "value.amount", d -> value(d).put("amount", 0)),
                violation("value amount negative", "value.amount", d -> value(d).put("amount", -5)),
                violation("value amount over 10^13", "value.amount", d -> value(d).put("amount",
                        new BigDecimal("10000000000000.01"))),
                jsonError("value amount as a string", "value.amount", "must be a number", d -> value(d).put("amount",
                        "500")),
                violation("value currency missing", "value.currency", d -> value(d).remove("currency")),
                violation("value currency in lower case", "value.currency", d -> value(d).put("currency", "usd")),
                violation("value currency unknown", "value.currency", d -> value(d).put("currency", "ZZZ")),
                violation("value currency a symbol", "value.currency", d -> value(d).put("currency", "$")),
                jsonError("value with an unknown field", "value.unit", "unrecognized field",
                        d -> value(d).put("unit", "millions")),
                jsonError("value as a string", "value", "must be an object", d -> d.put("value", "223M USD")),
                violation("capacity amount zero", "capacity.amount", d -> capacity(d).put("amount", 0)),
                violation("capacity amount missing", "capacity.amount", d -> capacity(d).remove("amount")),
                violation("capacity unit missing", "capacity.unit", d -> capacity(d).remove("unit")),
                jsonError("capacity unit unknown", "capacity.unit", "one of t/y, kg/y, t",
                        d -> capacity(d).put("unit", "tpa")),
                jsonError("capacity unit by constant name", "capacity.unit", "one of",
                        d -> capacity(d).put("unit", "TONNES_PER_YEAR")),
                violation("negative jobs", "jobs", d -> d.put("jobs", -1)),
                jsonError("jobs as a string", "jobs", "must be an integer", d -> d.put("jobs", "5")),
                jsonError("jobs as a fraction", "jobs", "must be an integer", d -> d.put("jobs", 5.5)),
                jsonError("jobs beyond an int", "jobs", "must be an integer", d -> d.put("jobs", 3_000_000_000L)),
                violation("expectedStart of two digits", "expectedStart", d -> d.put("expectedStart", "27")),
                violation("expectedStart month 13", "expectedStart", d -> d.put("expectedStart", "2027-13")),
                violation("expectedStart month 00", "expectedStart", d -> d.put("expectedStart", "2027-00")),
                violation("expectedStart not in the calendar", "expectedStart", d -> d.put("expectedStart",
                        "2027-02-29")),
                violation("expectedStart with slashes", "expectedStart", d -> d.put("expectedStart", "2027/02")),
                violation("expectedStart as a quarter", "expectedStart", d -> d.put("expectedStart", "Q3 2027")),
                violation("11 sources", "sources", d -> d.set("sources", repeat(text("https://example.com"), 11))),
                violation("source over http", "sources[0].<list element>", d -> d.set("sources",
                        strings("http://example.com/news"))),
                violation("source over ftp", "sources[0].<list element>", d -> d.set("sources",
                        strings("ftp://example.com/news"))),
                violation("source javascript", "sources[0].<list element>", d -> d.set("sources",
                        strings("javascript:alert(1)"))),
                violation("source without host", "sources[0].<list element>", d -> d.set("sources",
                        strings("https:///news"))),
                violation("source with user info", "sources[0].<list element>", d -> d.set("sources",
                        strings("https://user:pw@example.com/"))),
                violation("source with a space", "sources[0].<list element>", d -> d.set("sources",
                        strings("https://example.com/a b"))),
                violation("source with raw non-ASCII", "sources[0].<list element>", d -> d.set("sources",
                        strings("https://example.com/société"))),
                violation("source of 2001 characters", "sources[0].<list element>", d -> d.set("sources",
                        strings("https://example.com/" + "a".repeat(2001 - 20)))),
                violation("21 tags", "tags", d -> d.set("tags", repeat(text("t"), 21))),
                violation("tag of 41 characters", "tags[0].<list element>", d -> d.set("tags",
                        strings("t".repeat(41)))),
                violation("tag empty", "tags[0].<list element>", d -> d.set("tags", strings(""))),
                jsonError("unknown field (a typo)", "valeu", "unrecognized field", d -> d.put("valeu", 1)),
                jsonError("countries is derived, not accepted", "countries", "unrecognized field",
                        d -> d.set("countries", strings("US"))),
                jsonError("headline as a number", "headline", "must be a string", d -> d.put("headline", 5)),
                jsonError("headline as a boolean", "headline", "must be a string", d -> d.put("headline", true)),
                jsonError("summary as an array", "summary", "must be a string", d -> d.set("summary",
                        strings("a"))),
                jsonError("parties as an object", "parties", "must be an array", d -> d.set("parties", party(d))),
                jsonError("tags as a string", "tags", "must be an array", d -> d.put("tags", "a,b")),
                jsonError("a number tag", "tags[0]", "must be a string", d -> d.set("tags",
                        Checks.PLAIN.createArrayNode().add(7)))));
        cases.add(new DealCase("a JSON array instead of an object", "[]", Outcome.JSON_ERROR, "",
                "must be a JSON object", null));
        String json = Deals.validJson().toString();
        cases.add(new DealCase("duplicate key", json.replaceFirst("\\{", "{\"headline\":\"first\","),
                Outcome.JSON_ERROR, "", "duplicate field", JSON_SYNTAX));
        cases.add(new DealCase("trailing content", json + " {}", Outcome.JSON_ERROR, "", "malformed JSON",
                JSON_SYNTAX));
        cases.add(new DealCase("malformed JSON", json.substring(0, json.length() - 1), Outcome.JSON_ERROR, "",
                "malformed JSON", JSON_SYNTAX));
        return Collections.unmodifiableList(cases);
    }

    static List<DealCase> all() {
        List<DealCase> all = new ArrayList<>(valid());
        all.addAll(invalid());
        return all;
    }

    private static DealCase valid(String name, Consumer<ObjectNode> mutation) {
        return new DealCase(name, mutate(mutation), Outcome.VALID, null, null, null);
    }

    private static DealCase violation(String name, String path, Consumer<ObjectNode> mutation) {
        return new DealCase(name, mutate(mutation), Outcome.VIOLATION, path, null, null);
    }

    private static DealCase jsonError(String name, String path, String fragment, Consumer<ObjectNode> mutation) {
        return new DealCase(name, mutate(mutation), Outcome.JSON_ERROR, path, fragment, null);
    }

    private static String mutate(Consumer<ObjectNode> mutation) {
        ObjectNode deal = Deals.validJson();
        mutation.accept(deal);
        return deal.toString();
    }

    private static ArrayNode parties(ObjectNode deal) {
        return (ArrayNode) deal.get("parties");
    }

    private static ObjectNode party(ObjectNode deal) {
        return (ObjectNode) deal.get("parties").get(0);
    }

    private static ObjectNode location(ObjectNode deal) {
        return (ObjectNode) deal.get("location");
    }

    private static ObjectNode value(ObjectNode deal) {
        return (ObjectNode) deal.get("value");
    }

    private static ObjectNode capacity(ObjectNode deal) {
        return (ObjectNode) deal.get("capacity");
    }

    private static JsonNode text(String s) {
        return Checks.PLAIN.getNodeFactory().textNode(s);
    }

    private static ArrayNode strings(String... items) {
        ArrayNode array = Checks.PLAIN.createArrayNode();
        for (String item : items) {
            array.add(item);
        }
        return array;
    }

    private static ArrayNode repeat(JsonNode item, int times) {
        ArrayNode array = Checks.PLAIN.createArrayNode();
        for (int i = 0; i < times; i++) {
            array.add(item.deepCopy());
        }
        return array;
    }
}
