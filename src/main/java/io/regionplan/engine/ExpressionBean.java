package io.regionplan.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN expressions may name ({@code ${cycleCalendar.inDays(7)}},
 * {@code ${evaluateRuleSetDelegate}}), under its bean name. The engine resolves no
 * unmarked bean, and the deployment validator refuses a file that names one, so a process
 * file can never reach {@code jdbcTemplate}, {@code repositoryService} or
 * {@code environment}. What an expression may do with a marked bean is the
 * {@link ExpressionAllowList}: its own public methods only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ExpressionBean {

}
