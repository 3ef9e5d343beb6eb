package io.dealwire.catalog.deal;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealType;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.RareEarthElement;
import io.dealwire.contract.Stage;
import io.dealwire.problem.FieldError;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The validated filters of {@code GET /api/v1/deals}; null means "any". Built by {@link #parse},
 * which reports every bad parameter at once as a 400 problem.
 */
public record DealFilter(
        IsoWeek week,
        LocalDate from,
        LocalDate to,
        Stage stage,
        DealType dealType,
        String country,
        RareEarthElement element,
        String partner,
        String q,
        boolean includeWithdrawn,
        int page,
        int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    static final int MAX_QUERY_LENGTH = 200;

    /** The raw query parameters, as strings so that a bad value is our 400 and not a framework 404. */
    public record Params(String week, String from, String to, String stage, String dealType, String country,
            String element, String partner, String q, String includeWithdrawn, String page, String size) {
    }

    public static DealFilter parse(Params p) {
        List<FieldError> errors = new ArrayList<>();
        IsoWeek week = parseOr(errors, "week", p.week(), IsoWeek::parse, null);
        LocalDate from = parseOr(errors, "from", p.from(), DealFilter::date, null);
        LocalDate to = parseOr(errors, "to", p.to(), DealFilter::date, null);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        Stage stage = parseOr(errors, "stage", p.stage(), v -> enumValue(Stage.class, v), null);
        DealType dealType = parseOr(errors, "dealType", p.dealType(), v -> enumValue(DealType.class, v), null);
        String country = parseOr(errors, "country", p.country(), DealFilter::country, null);
        RareEarthElement element = parseOr(errors, "element", p.element(), DealFilter::element, null);
        String partner = parseOr(errors, "partner", p.partner(), DealFilter::partner, null);
        String q = parseOr(errors, "q", p.q(), DealFilter::query, null);
        boolean includeWithdrawn = parseOr(errors, "includeWithdrawn", p.includeWithdrawn(), DealFilter::bool, false);
        int page = parseOr(errors, "page", p.page(), v -> bounded(v, 0, Integer.MAX_VALUE), 0);
        int size = parseOr(errors, "size", p.size(), v -> bounded(v, 1, MAX_SIZE), DEFAULT_SIZE);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Invalid query parameters").withErrors(errors));
        }
        return new DealFilter(week, from, to, stage, dealType, country, element, partner, q, includeWithdrawn,
                page, size);
    }

    /** Only the week's active deals, all of them: what the browser page and the summary show. */
    public static DealFilter ofWeek(IsoWeek week, Stage stage, DealType dealType, String country) {
        return new DealFilter(week, null, null, stage, dealType, country, null, null, null, false, 0, MAX_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }

    private static <T> T parseOr(List<FieldError> errors, String name, String raw, Function<String, T> parser,
            T absent) {
        if (raw == null || raw.isEmpty()) {
            return absent;
        }
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return absent;
        }
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO date like 2025-09-08, was: " + raw);
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String raw) {
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String country(String raw) {
        if (!raw.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("must be an ISO 3166-1 alpha-2 country code like US");
        }
        return raw.toUpperCase();
    }

    private static RareEarthElement element(String raw) {
        try {
            return RareEarthElement.fromSymbol(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a rare-earth element symbol, one of " + Arrays
                    .stream(RareEarthElement.values()).map(RareEarthElement::symbol).collect(Collectors.joining(" ")));
        }
    }

    private static String partner(String raw) {
        if (!raw.matches(DealEvent.PARTNER_ID_PATTERN)) {
            throw new IllegalArgumentException("must be a partner id (1-64 characters of A-Z a-z 0-9 _ -)");
        }
        return raw;
    }

    private static String query(String raw) {
        if (raw.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return raw.isBlank() ? null : raw;
    }

    private static boolean bool(String raw) {
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static int bounded(String raw, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be an integer");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(max == Integer.MAX_VALUE ? "must be at least " + min
                    : "must be between " + min + " and " + max);
        }
        return value;
    }
}
