package io.dealwire.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dealwire.contract.json.StrictLocalDateDeserializer;
import io.dealwire.contract.validation.HttpsUrl;
import io.dealwire.contract.validation.NoDuplicates;
import io.dealwire.contract.validation.PartialDate;
import io.dealwire.contract.validation.PlainText;
import io.dealwire.contract.validation.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A deal announcement as partners send it (PRODUCT.md, "The deal"). Every rule of the spec is a
 * Bean Validation constraint here, so {@code @Valid Deal} is the whole check; the JSON Schema
 * {@code schemas/deal.schema.json} says the same. Unknown fields and wrong JSON types are caught
 * earlier, by the mapper of {@link DealJson}.
 *
 * <p>Lists are copied unmodifiable (keeping {@code null} items, so validation can report them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Deal(
        @NotNull
        @Pattern(regexp = EXTERNAL_ID_PATTERN, message = EXTERNAL_ID_MESSAGE)
        String externalId,

        @NotBlank @Size(max = 200) @PlainText
        String headline,

        @Size(max = 4000) @PlainText(multiline = true, message = "must be plain text without control characters"
                + " other than line feed and tab")
        String summary,

        @NotNull DealType dealType,

        @NotNull Stage stage,

        @NotNull @PlausibleDate @JsonDeserialize(using = StrictLocalDateDeserializer.class)
        LocalDate announcedOn,

        /* Same bounds as announcedOn: a report from the future or before 1950 is a typo too. */
        @PlausibleDate @JsonDeserialize(using = StrictLocalDateDeserializer.class)
        LocalDate reportedOn,

        @NotNull @Size(min = 1, max = 20)
        List<@NotNull @Valid Party> parties,

        @Valid Location location,

        @NoDuplicates
        List<@NotNull RareEarthElement> elements,

        @Size(max = 10)
        List<@NotBlank @Size(max = 60) @PlainText String> products,

        @Valid Money value,

        @Valid Capacity capacity,

        @PositiveOrZero Integer jobs,

        @PartialDate String expectedStart,

        @Size(max = 10)
        List<@NotNull @Size(max = 2000) @HttpsUrl String> sources,

        @Size(max = 20)
        List<@NotBlank @Size(max = 40) @PlainText String> tags) {

    /** The partner's own id: 1–128 of letters, digits and {@code . _ : -}. */
    public static final String EXTERNAL_ID_PATTERN = "[A-Za-z0-9._:-]{1,128}";
    static final String EXTERNAL_ID_MESSAGE = "must be 1-128 characters of A-Z a-z 0-9 . _ : -";

    public Deal {
        parties = copy(parties);
        elements = copy(elements);
        products = copy(products);
        sources = copy(sources);
        tags = copy(tags);
    }

    /**
     * The deal's countries: those of its parties and of its location, distinct and sorted.
     * Not a JSON property (no getter name), so it is never written nor accepted in JSON.
     */
    public List<String> countries() {
        // A plain loop: the stream pipeline was ~3% of the ingest's CPU (dw_countries on every event)
        List<String> countries = new ArrayList<>(parties == null ? 1 : parties.size() + 1);
        if (parties != null) {
            for (Party party : parties) {
                addDistinct(countries, party == null ? null : party.country());
            }
        }
        addDistinct(countries, location == null ? null : location.country());
        Collections.sort(countries);
        return Collections.unmodifiableList(countries);
    }

    private static void addDistinct(List<String> countries, String country) {
        if (country != null && !countries.contains(country)) {
            countries.add(country);
        }
    }

    /** This deal with {@code reportedOn} set, e.g. to the receiving day when the partner left it out. */
    public Deal withReportedOn(LocalDate newReportedOn) {
        return new Deal(externalId, headline, summary, dealType, stage, announcedOn, newReportedOn, parties,
                location, elements, products, value, capacity, jobs, expectedStart, sources, tags);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
