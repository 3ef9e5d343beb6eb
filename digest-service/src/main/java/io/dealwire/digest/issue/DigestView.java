package io.dealwire.digest.issue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything an issue shows, computed from the deals and its edition and already formatted; the HTML
 * and text templates only lay it out (Qute escapes every value in the HTML except {@link Prose#html()},
 * which is escaped or rendered safe before).
 */
public record DigestView(
        String week,
        String brand,
        String title,
        String subject,
        String dateRange,
        int dealCount,
        Map<String, BigDecimal> disclosedTotals,
        Prose intro,
        Highlights highlights,
        List<DealItem> featured,
        List<Section> sections,
        List<Figure> numbers,
        /* the editor's only; null when none */
        Prose outlook,
        Links links) {

    /** {@code disclosed} is null when no deal disclosed a value. */
    public record Highlights(String disclosed, int dealsWithValue, List<LargestDeal> largest,
            List<String> newCountries, String byStage) {
    }

    public record LargestDeal(String headline, String value) {
    }

    /**
     * {@code lead}: the editor's note for the section, else its computed sentence; {@code key} its
     * anchor on the archive page; {@code more} the deals left out of a mail kept under Gmail's clip
     * size, with {@code moreLabel} ("12 more midstream deals") linking to the archive.
     */
    public record Section(String key, String title, Prose lead, List<DealItem> deals, int more, String moreLabel) {

        /** This section with only its {@code limit} most significant deals, in reading order. */
        Section trimmed(int limit) {
            if (deals.size() <= limit) {
                return this;
            }
            List<Integer> kept = deals.stream().map(DealItem::significance).sorted().limit(limit).toList();
            List<DealItem> shown = deals.stream().filter(d -> kept.contains(d.significance())).toList();
            int left = more + deals.size() - shown.size();
            return new Section(key, title, lead, shown, left,
                    Formats.plural(left, "more " + title.toLowerCase(Locale.ROOT) + " deal",
                            "more " + title.toLowerCase(Locale.ROOT) + " deals"));
        }
    }

    /** The issue with at most {@code limit} deals per section (featured deals are always shown). */
    public DigestView trimmed(int limit) {
        return new DigestView(week, brand, title, subject, dateRange, dealCount, disclosedTotals, intro, highlights,
                featured, sections.stream().map(s -> s.trimmed(limit)).toList(), numbers, outlook, links);
    }

    /**
     * Null fields are not shown. {@code earlierNews}: announced more than
     * {@link DigestComposer#EARLIER_NEWS_DAYS} days before it was reported, marked "earlier news, reported this week".
     */
    public record DealItem(String headline, String summary, String kind, List<PartyItem> parties, String location,
            String value, String capacity, String jobs, String announcedOn, String reportedOn, String expectedStart,
            String elements, String products, List<String> sources, boolean earlierNews,
            /* 0 for the issue's most significant deal: by value per currency, then the most recent */
            int significance) {
    }

    public record PartyItem(String name, String role, String country) {
    }

    public record Figure(String label, String value) {
    }

    /** {@code unsubscribeUrl} is null outside a subscriber's mail (archive, preview). */
    public record Links(String publicUrl, String archiveUrl, String issueUrl, String subscribeUrl,
            String unsubscribeUrl) {

        public static Links of(String publicUrl, String week, String unsubscribeUrl) {
            return new Links(publicUrl, publicUrl + "/digests", publicUrl + "/digests/" + week,
                    publicUrl + "/subscribe", unsubscribeUrl);
        }
    }
}
