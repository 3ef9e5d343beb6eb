package io.dealwire.contract.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.EventType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A submission carries its deal, with the event's externalId and reportedOn filled in; a
 * withdrawal carries none. Reported on the {@code deal} path.
 */
@Documented
@Constraint(validatedBy = ConsistentDealEvent.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ConsistentDealEvent {

    String message() default "deal does not match the event type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentDealEvent, DealEvent> {
        @Override
        public boolean isValid(DealEvent event, ConstraintValidatorContext context) {
            if (event == null || event.type() == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (event.type() == EventType.WITHDRAWN) {
                return event.deal() == null || fail(context, "must be absent for deal.withdrawn", "deal");
            }
            if (event.deal() == null) {
                return fail(context, "must be present for deal.submitted", "deal");
            }
            boolean valid = true;
            if (event.externalId() != null && !event.externalId().equals(event.deal().externalId())) {
                valid = fail(context, "must equal the event's externalId", "deal", "externalId");
            }
            if (event.deal().reportedOn() == null) {
                valid = fail(context, "must be filled in on events", "deal", "reportedOn");
            }
            return valid;
        }

        private static boolean fail(ConstraintValidatorContext context, String message, String... path) {
            var builder = context.buildConstraintViolationWithTemplate(message).addPropertyNode(path[0]);
            for (int i = 1; i < path.length; i++) {
                builder = builder.addPropertyNode(path[i]);
            }
            builder.addConstraintViolation();
            return false;
        }
    }
}
