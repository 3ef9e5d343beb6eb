package io.dealwire.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Test data: a deal with every field filled, and a builder to vary it. */
final class Deals {

    static final String DEFAULT_PARTNER_ID = "reex";
    static final String DEFAULT_EXTERNAL_ID = "reex-2025-09-02-jslink-columbus-magnets";
    static final String DEFAULT_HEADLINE = "JS Link announces a $223 million NdFeB magnet plant in Columbus, Georgia";
    static final String DEFAULT_SUMMARY = "South Korea's JS Link plans a plant with 3,000 tonnes per year.\nOpening 2027.";
    static final LocalDate DEFAULT_ANNOUNCED_ON = LocalDate.of(2025, 9, 2);
    static final LocalDate DEFAULT_REPORTED_ON = LocalDate.of(2025, 9, 11);
    static final List<Party> DEFAULT_PARTIES = List.of(
            new Party("JS Link", PartyRole.DEVELOPER, "KR"),
            new Party("Columbus Economic Development", PartyRole.PARTNER, "US"));
    static final Location DEFAULT_LOCATION = new Location("Columbus, Georgia", "US");
    static final List<RareEarthElement> DEFAULT_ELEMENTS =
            List.of(RareEarthElement.NEODYMIUM, RareEarthElement.PRASEODYMIUM);
    static final List<String> DEFAULT_PRODUCTS = List.of("NdFeB magnets");
    static final Money DEFAULT_VALUE = new Money(new BigDecimal("223000000"), "USD");
    static final Capacity DEFAULT_CAPACITY = new Capacity(new BigDecimal("3000"), CapacityUnit.TONNES_PER_YEAR);
    static final Integer DEFAULT_JOBS = 500;
    static final String DEFAULT_EXPECTED_START = "2027";
    static final List<String> DEFAULT_SOURCES = List.of("https://rareearthexchanges.com/news/weekly-deal-update");
    static final List<String> DEFAULT_TAGS = List.of("mine-to-magnet", "cross-border");

    private Deals() {
    }

    static Deal valid() {
        return validBuilder().build();
    }

    /** The valid deal as a JSON tree, to mutate into invalid documents. */
    static ObjectNode validJson() {
        return (ObjectNode) DealJson.toTree(valid());
    }

    static Builder validBuilder() {
        return new Builder();
    }

    /** Withers over the defaults; {@code null} removes an optional field. */
    static final class Builder {
        private String externalId = DEFAULT_EXTERNAL_ID;
        private String headline = DEFAULT_HEADLINE;
        private String summary = DEFAULT_SUMMARY;
        private DealType dealType = DealType.FACILITY;
        private Stage stage = Stage.DOWNSTREAM;
        private LocalDate announcedOn = DEFAULT_ANNOUNCED_ON;
        private LocalDate reportedOn = DEFAULT_REPORTED_ON;
        private List<Party> parties = DEFAULT_PARTIES;
        private Location location = DEFAULT_LOCATION;
        private List<RareEarthElement> elements = DEFAULT_ELEMENTS;
        private List<String> products = DEFAULT_PRODUCTS;
        private Money value = DEFAULT_VALUE;
        private Capacity capacity = DEFAULT_CAPACITY;
        private Integer jobs = DEFAULT_JOBS;
        private String expectedStart = DEFAULT_EXPECTED_START;
        private List<String> sources = DEFAULT_SOURCES;
        private List<String> tags = DEFAULT_TAGS;

        Builder externalId(String v) { externalId = v; return this; }
        Builder headline(String v) { headline = v; return this; }
        Builder summary(String v) { summary = v; return this; }
        Builder dealType(DealType v) { dealType = v; return this; }
        Builder stage(Stage v) { stage = v; return this; }
        Builder announcedOn(LocalDate v) { announcedOn = v; return this; }
        Builder reportedOn(LocalDate v) { reportedOn = v; return this; }
        Builder parties(List<Party> v) { parties = v; return this; }
        Builder location(Location v) { location = v; return this; }
        Builder elements(List<RareEarthElement> v) { elements = v; return this; }
        Builder products(List<String> v) { products = v; return this; }
        Builder value(Money v) { value = v; return this; }
        Builder capacity(Capacity v) { capacity = v; return this; }
        Builder jobs(Integer v) { jobs = v; return this; }
        Builder expectedStart(String v) { expectedStart = v; return this; }
        Builder sources(List<String> v) { sources = v; return this; }
        Builder tags(List<String> v) { tags = v; return this; }

        Deal build() {
            return new Deal(externalId, headline, summary, dealType, stage, announcedOn, reportedOn, parties,
                    location, elements, products, value, capacity, jobs, expectedStart, sources, tags);
        }
    }
}
