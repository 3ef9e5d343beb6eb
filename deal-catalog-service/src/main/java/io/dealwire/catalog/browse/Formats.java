package io.dealwire.catalog.browse;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Readable numbers and times for the pages (the API keeps the exact values). */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter MINUTE_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code 500000000} as {@code 500,000,000}; fraction digits kept as sent. */
    public static String grouped(BigDecimal amount) {
        // DecimalFormat is not thread-safe: one per call
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMaximumFractionDigits(Math.max(0, amount.scale()));
        format.setMinimumFractionDigits(Math.max(0, amount.stripTrailingZeros().scale()));
        return format.format(amount);
    }

    /** An instant to the minute in UTC, short enough for a phone: {@code 2025-09-12 08:00 UTC}. */
    public static String utcMinute(Instant instant) {
        return MINUTE_UTC.format(instant);
    }
}
