package io.dealwire.contract;

import io.dealwire.contract.validation.CountryCode;
import io.dealwire.contract.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A company, government or institution taking part in a deal. */
public record Party(
        @NotBlank @Size(max = 120) @PlainText String name,
        @NotNull PartyRole role,
        @NotNull @CountryCode String country) {
}
