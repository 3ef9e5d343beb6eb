package io.dealwire.contract;

import io.dealwire.contract.validation.CountryCode;
import io.dealwire.contract.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where the deal happens. The country is required (it feeds the deal's countries and the
 * country filters); the place is optional but, when given, not blank.
 */
public record Location(
        @Size(max = 120) @PlainText @Pattern(regexp = ".*[^ ].*", message = "must not be blank") String place,
        @NotNull @CountryCode String country) {
}
