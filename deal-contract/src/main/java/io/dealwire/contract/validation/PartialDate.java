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
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A date as precise as the partner knows it: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD},
 * and a real calendar month/day (no 2027-13, no 2027-02-30). {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PartialDate.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface PartialDate {

    String message() default "must be YYYY, YYYY-MM or an ISO date YYYY-MM-DD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PartialDate, String> {
        private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!SHAPE.matcher(value).matches()) {
                return false;
            }
            try {
                switch (value.length()) {
                    case 4 -> { }
                    case 7 -> YearMonth.parse(value);
                    default -> LocalDate.parse(value);
                }
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
