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

/**
 * Text without ASCII control characters (U+0000–U+001F, U+007F): they break emails, logs and
 * terminals and are never meant in a headline. With {@code multiline = true} (the summary) tab and
 * line feed are allowed; carriage return is not, so partners send {@code \n} line ends. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "must be plain text without control characters";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, CharSequence> {
        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            // On the String itself: the summary is most of a deal's bytes, and this runs on every request
            String text = value.toString();
            int length = text.length();
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if ((c < 0x20 || c == 0x7F) && !(multiline && (c == '\n' || c == '\t'))) {
                    return false;
                }
            }
            return true;
        }
    }
}
