package io.dealwire.digest.edition;

import io.dealwire.contract.Deal;
import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.issue.Theme;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PLACEHOLDER until the lead writer lands (branch lead). */
public final class LeadWriter {
    private LeadWriter() {
    }

    public static Lead write(IsoWeek week, List<Deal> deals, Set<String> earlierCountries) {
        Map<Theme, String> sections = new EnumMap<>(Theme.class);
        for (Deal deal : deals) {
            sections.merge(Theme.of(deal), "1", (a, b) -> Integer.toString(Integer.parseInt(a) + 1));
        }
        sections.replaceAll((t, n) -> n + " " + t.title() + " deals.");
        return new Lead(deals.size() + " deals", deals.size() + " deals this week.", sections);
    }
}
