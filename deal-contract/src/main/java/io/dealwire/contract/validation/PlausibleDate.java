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
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A deal date between 1950-01-01 and tomorrow (UTC), both included. "Tomorrow" leaves room for
 * partners east of UTC whose local today is already our tomorrow. The upper bound moves with the
 * clock, so the JSON Schemas cannot express it: only this constraint enforces it. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface PlausibleDate {

    LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    String message() default "must be a date from 1950-01-01 up to tomorrow (UTC)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
            return !value.isBefore(EARLIEST) && !value.isAfter(tomorrow);
        }
    }
}
