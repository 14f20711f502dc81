package org.conversionkit.validation.internal.constraints;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Objects;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.validation.constraints.IsoDateTime;

/** Checks {@link IsoDateTime} with {@link IsoDateTimeRule}. */
public final class IsoDateTimeValidator extends TextValidator<IsoDateTime> {

    /** The name the rule's messages give the value: a constraint does not know its property's name. */
    private static final String NAME = "the value";

    private boolean offsetRequired;

    /** Creates the validator; the Bean Validation provider does. */
    public IsoDateTimeValidator() {
        super("a date-time", "2020-01-10T10:15:30Z");
    }

    @Override
    public void initialize(IsoDateTime constraint) {
        offsetRequired = constraint.offset() == IsoDateTime.Offset.REQUIRED;
    }

    @Override
    boolean check(String text, ConstraintValidatorContext context) {
        Problem[] problem = new Problem[1];
        CrmDateTime result = IsoDateTimeRule.parse(NAME, text, found -> problem[0] = found);
        if (problem[0] != null) {
            // A bean has no warnings: the SQL form's space for the T (DATE_TIME_SEPARATOR) is refused too.
            return Reasons.reject(context, problem[0]);
        }
        Objects.requireNonNull(result);
        if (offsetRequired && result.offset() == null) {
            return Reasons.reject(context, ViolationCode.DATE_FORMAT, "'" + text + "' has no offset, so it names no"
                    + " instant: write the time with Z or an offset such as +02:00, e.g. 2020-01-10T10:15:30Z");
        }
        return true;
    }
}
