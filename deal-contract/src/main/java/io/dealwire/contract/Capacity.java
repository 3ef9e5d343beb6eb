package io.dealwire.contract;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A production or processing capacity, e.g. 3000 t/y. */
public record Capacity(
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") BigDecimal amount,
        @NotNull CapacityUnit unit) {
}
