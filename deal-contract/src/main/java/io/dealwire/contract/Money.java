package io.dealwire.contract;

import io.dealwire.contract.validation.CurrencyCode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** An amount in major units (dollars, not cents) of an ISO 4217 currency; never converted. */
public record Money(
        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "10000000000000", message = "must be at most 10000000000000 (10^13)")
        BigDecimal amount,
        @NotNull @CurrencyCode String currency) {
}
