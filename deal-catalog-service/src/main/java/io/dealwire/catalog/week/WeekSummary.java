package io.dealwire.catalog.week;

import io.dealwire.catalog.deal.DealView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A week's figures over its ACTIVE deals (by reportedOn). A deal counts once in each of its
 * countries, so the byCountry counts may add up to more than {@code count}.
 */
public record WeekSummary(
        String week,
        int count,
        Map<String, BigDecimal> disclosedValue,
        Map<String, Figures> byStage,
        Map<String, Figures> byDealType,
        Map<String, Figures> byCountry,
        List<DealView> largest,
        List<String> newCountries) {
}
