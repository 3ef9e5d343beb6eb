package io.dealwire.ingest.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI document header: every partner call carries {@code Authorization: Bearer <api key>}. */
@OpenAPIDefinition(
        info = @Info(title = "Deal Wire partner API", version = "1.0"),
        security = @SecurityRequirement(name = PartnerApiDefinition.API_KEY))
@SecurityScheme(securitySchemeName = PartnerApiDefinition.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The API key Deal Wire gave your organisation. Keys can be rotated: several are valid at once.")
public class PartnerApiDefinition extends Application {

    public static final String API_KEY = "partnerApiKey";
}
