package io.dealwire.contract.validation;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The code lists the contract accepts, taken from the JDK so there is one source of truth.
 * The JSON Schemas embed the same lists; a test fails if the JDK list and the schema drift.
 */
public final class IsoCodes {

    /** ISO 3166-1 alpha-2 codes (user-assigned codes such as XK are not in the JDK list). */
    public static final Set<String> COUNTRIES = Set.copyOf(new TreeSet<>(Set.of(Locale.getISOCountries())));

    /** ISO 4217 alphabetic codes, including funds and historic codes the JDK still knows. */
    public static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private IsoCodes() {
    }
}
