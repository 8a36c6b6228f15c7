package io.regionplan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context the integration tests share: the demo profile on a random port,
 * an in-memory database, no job executor (tests run jobs themselves, deterministically)
 * and a lower memory limit of rule evaluations, with a
 * {@link io.regionplan.planning.CycleDriver} to inject, and the engine clock of
 * {@link EngineClock}. Tagged {@code integration}: run by Failsafe in
 * {@code ./mvnw verify}, never in the fast loop {@code ./mvnw test}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// -Dregionplan.it.db-url=jdbc:postgresql://… -Dregionplan.it.db-user=… runs them
		// on PostgreSQL (README)
		"spring.datasource.url=${regionplan.it.db-url:jdbc:h2:mem:regionplan-it;DB_CLOSE_DELAY=-1}",
		"spring.datasource.username=${regionplan.it.db-user:sa}",
		"spring.datasource.password=${regionplan.it.db-password:}", "camunda.bpm.job-execution.enabled=false",
		// the demo regions' evaluations allocate a few MB, a million firings of a loop
		// about 420 MB: a test reaches
		// either limit of an evaluation in seconds
		"regionplan.rules.max-evaluation-memory=768MB",
		// a file of more rows is refused: a test reaches the limit in seconds (the
		// default allows the national scale)
		"regionplan.market.max-import-rows=100000" })
@ActiveProfiles("demo")
@Tag("integration")
@ExtendWith(EngineClock.class)
@Import(IntegrationTestBeans.class)
public @interface IntegrationTest {

}
