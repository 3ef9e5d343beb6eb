package io.dealwire.contract.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * An absolute {@code https://} URL with a DNS host name or IPv4 address, written in ASCII
 * (non-ASCII characters percent-encoded) and without user info: the links end up in emails, so
 * no plain http, no {@code javascript:} and no {@code https://user:pw@host} look-alikes.
 * Mirrors the schema's {@code format: uri} plus its host pattern. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = HttpsUrl.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface HttpsUrl {

    /** The host part, shared with the JSON Schema pattern. */
    String HOST = "[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?";

    String message() default "must be an https URL with a host (e.g. https://example.com/news/1)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HttpsUrl, String> {
        private static final Pattern HOST_PATTERN = Pattern.compile(HOST);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!value.startsWith("https://") || !visibleAscii(value)) {
                return false;
            }
            try {
                URI uri = new URI(value);
                return uri.getRawUserInfo() == null
                        && uri.getHost() != null
                        && HOST_PATTERN.matcher(uri.getHost()).matches();
            } catch (URISyntaxException e) {
                return false;
            }
        }

        private static boolean visibleAscii(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c <= 0x20 || c >= 0x7F) {
                    return false;
                }
            }
            return true;
        }
    }
}
