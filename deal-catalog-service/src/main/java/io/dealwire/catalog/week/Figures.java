package io.dealwire.catalog.week;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** A count of deals and their disclosed value per currency (never converted). */
public record Figures(int count, Map<String, BigDecimal> disclosedValue) {

    /** Mutable accumulator, to sum a week's deals in one pass. */
    static final class Sum {
        private int count;
        private final Map<String, BigDecimal> values = new TreeMap<>();

        void add(BigDecimal amount, String currency) {
            count++;
            if (amount != null) {
                values.merge(currency, amount, BigDecimal::add);
            }
        }

        Figures figures() {
            Map<String, BigDecimal> plain = new TreeMap<>();
            values.forEach((currency, sum) -> plain.put(currency, sum.stripTrailingZeros().scale() < 0
                    ? sum.setScale(0) : sum.stripTrailingZeros()));
            return new Figures(count, plain);
        }
    }
}
