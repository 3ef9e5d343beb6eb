package io.dealwire.digest.subscription;

import io.dealwire.contract.Stage;
import io.dealwire.contract.validation.CountryCode;
import io.dealwire.contract.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/v1/subscriptions}: who wants the digest, and optionally only some stages or countries. */
public record SubscriptionRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) @PlainText String name,
        @Size(max = 5) List<@NotNull Stage> stages,
        @Size(max = 50) List<@NotNull @CountryCode String> countries) {
}
