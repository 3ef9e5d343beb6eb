package io.dealwire.digest.issue;

import io.dealwire.contract.Capacity;
import io.dealwire.contract.Location;
import io.dealwire.contract.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How the digest writes money, dates, countries and enum labels, in English. */
public final class Formats {

    private static final Map<String, String> SYMBOLS = Map.of(
            "USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥", "CAD", "C$", "AUD", "A$", "CNY", "CN¥");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal[] SCALES = {
            BigDecimal.valueOf(1_000_000_000_000L), BigDecimal.valueOf(1_000_000_000L),
            BigDecimal.valueOf(1_000_000L), THOUSAND };
    private static final String[] SUFFIXES = {"T", "B", "M", "K"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private Formats() {
    }

    /** {@code $1.2B}, {@code $500M}, {@code €3M}, {@code CHF 750K}: never converted between currencies. */
    public static String money(BigDecimal amount, String currency) {
        String symbol = SYMBOLS.get(currency);
        String number = compact(amount);
        return symbol != null ? symbol + number : currency + " " + number;
    }

    public static String money(Money money) {
        return money(money.amount(), money.currency());
    }

    /** Several currencies joined: {@code $1.2B + €3M}, largest-count currency first (as given). */
    public static String moneyTotals(Map<String, BigDecimal> totals) {
        return totals.entrySet().stream().map(e -> money(e.getValue(), e.getKey())).collect(Collectors.joining(" + "));
    }

    /** 1225000000 -> 1.2B, 223000000 -> 223M, 2000000 -> 2M, 950 -> 950, 999950000 -> 1B (never 1000M). */
    static String compact(BigDecimal amount) {
        for (int i = 0; i < SCALES.length; i++) {
            if (amount.compareTo(SCALES[i]) >= 0) {
                BigDecimal rounded = scaled(amount, SCALES[i]);
                if (rounded.compareTo(THOUSAND) >= 0 && i > 0) {
                    // rounding reached the next unit: 999.95M is $1B, not $1000M
                    return plain(scaled(amount, SCALES[i - 1])) + SUFFIXES[i - 1];
                }
                return plain(rounded) + SUFFIXES[i];
            }
        }
        BigDecimal rounded = amount.setScale(Math.min(2, Math.max(0, amount.scale())), RoundingMode.HALF_UP);
        return rounded.compareTo(THOUSAND) >= 0 ? plain(scaled(amount, THOUSAND)) + "K" : plain(rounded);
    }

    /** The amount in a unit: whole numbers from 100 up, one decimal below. */
    private static BigDecimal scaled(BigDecimal amount, BigDecimal unit) {
        BigDecimal scaled = amount.divide(unit);
        int decimals = scaled.compareTo(BigDecimal.valueOf(100)) >= 0 ? 0 : 1;
        return scaled.setScale(decimals, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    public static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }

    public static String capacity(Capacity capacity) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(2);
        return format.format(capacity.amount()) + " " + capacity.unit().json();
    }

    public static String day(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }

    /** {@code 2027}, {@code Sep 2025} or {@code 8 Sep 2025}. */
    public static String partialDate(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() == 7) {
            return MONTH.format(LocalDate.parse(value + "-01"));
        }
        return value.length() == 10 ? day(LocalDate.parse(value)) : value;
    }

    /** {@code 8–12 Sep 2025}, {@code 29 Sep–3 Oct 2025}, {@code 29 Dec 2025–2 Jan 2026}. */
    public static String dateRange(LocalDate from, LocalDate to) {
        if (from.getYear() != to.getYear()) {
            return day(from) + "–" + day(to);
        }
        if (from.getMonth() != to.getMonth()) {
            return DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).format(from) + "–" + day(to);
        }
        return from.getDayOfMonth() + "–" + day(to);
    }

    /** English name of an ISO 3166-1 alpha-2 code, e.g. KR -> South Korea; the code if unknown. */
    public static String country(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name == null || name.isBlank() || name.equals(code) ? code : name;
    }

    public static List<String> countries(List<String> codes) {
        return codes.stream().map(Formats::country).toList();
    }

    private static final Set<String> WITH_THE = Set.of("Bahamas", "Comoros", "Gambia", "Maldives", "Netherlands",
            "Philippines");

    /** The country's name inside a sentence: {@code the United States}, {@code the Netherlands}, {@code Pakistan}. */
    public static String countryInText(String code) {
        String name = country(code);
        boolean the = WITH_THE.contains(name) || name.startsWith("United ") || name.endsWith(" Republic")
                || name.endsWith(" Islands");
        return the ? "the " + name : name;
    }

    /** {@code Columbus, Georgia, United States}; the country alone when there is no place or it is the country. */
    public static String place(Location location) {
        String country = country(location.country());
        String place = location.place();
        return place == null || place.equals(country) ? country : place + ", " + country;
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}. */
    public static String and(List<String> items) {
        return joined(items, ", ");
    }

    /**
     * At most {@code cap} items, the rest counted: {@code A, B, C and 12 more} (one more is named rather
     * than counted). With {@code "; "} as separator (for items that hold commas themselves) the last one
     * gets it too: {@code A; B; and 12 more}.
     */
    public static String and(List<String> items, int cap, String separator) {
        if (items.size() <= cap + 1) {
            return joined(items, separator);
        }
        List<String> named = new ArrayList<>(items.subList(0, cap));
        named.add((items.size() - cap) + " more");
        return joined(named, separator);
    }

    private static String joined(List<String> items, String separator) {
        if (items.size() <= 2) {
            return String.join(" and ", items);
        }
        String last = separator.equals(", ") ? " and " : separator + "and ";
        return String.join(separator, items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine"};

    /** {@code one} to {@code nine} in words, larger counts in digits ({@code 12}, {@code 1,200}). */
    public static String numberWord(long value) {
        return value >= 0 && value < WORDS.length ? WORDS[(int) value] : number(value);
    }

    /** {@code a downstream}, {@code an upstream}, {@code an MOU}: by the sound of the first letter. */
    public static String withArticle(String phrase) {
        boolean acronym = phrase.length() > 1 && Character.isUpperCase(phrase.charAt(0))
                && Character.isUpperCase(phrase.charAt(1));
        char first = Character.toLowerCase(phrase.charAt(0));
        boolean vowelSound = acronym ? "aefhilmnorsx".indexOf(first) >= 0
                : "aeio".indexOf(first) >= 0 || (first == 'u' && !phrase.toLowerCase(Locale.ROOT).startsWith("uni"));
        return (vowelSound ? "an " : "a ") + phrase;
    }

    /** {@code Apple's}, {@code MP Materials'}. */
    public static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    /** The text with a capital first letter. */
    public static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code CROSS_CHAIN} -> {@code cross-chain}, {@code MOU} -> {@code MOU}. */
    public static String label(Enum<?> value) {
        String name = value.name();
        if (name.length() <= 3) {
            return name;
        }
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code label} with a capital first letter. */
    public static String title(Enum<?> value) {
        return capitalized(label(value));
    }

    public static String plural(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
