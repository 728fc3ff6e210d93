package io.mediamill.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources and methods only operators may call; {@link OperatorsOnlyFilter} refuses everyone else.
 * Job control has no owner to check against (unlike videos), so the rule is the caller's role alone, and it is
 * stated once here instead of in every method.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorsOnly {
}
