package io.regionplan.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;

import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Test-only, for {@link CrashRecoveryTests}: makes the {@code city-strategy} rule task
 * block while it runs (inside its transaction), after writing a line to the file named by
 * the system property {@value #MARKER}, so that the test knows when to kill the JVM. It
 * is not a component: only the crashing JVM loads it, through
 * {@code --spring.main.sources}, and that JVM's class path holds no other test class.
 */
class BlockingRuleTaskHook implements BeanPostProcessor {

	static final String MARKER = "regionplan.test.block-marker";

	static final String RULE_SET = "city-strategy";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RuleSetBinding binding && RULE_SET.equals(binding.ruleSet())) {
			return new Blocking(binding, Path.of(System.getProperty(MARKER)));
		}
		return bean;
	}

	private record Blocking(RuleSetBinding binding, Path marker) implements RuleSetBinding {

		@Override
		public String ruleSet() {
			return binding.ruleSet();
		}

		@Override
		public String name() {
			return binding.name();
		}

		@Override
		public Collection<?> facts(DelegateExecution execution) {
			Collection<?> facts = binding.facts(execution);
			try {
				Files.writeString(marker, execution.getProcessInstanceId() + "\n", StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
				Thread.sleep(Long.MAX_VALUE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("the blocked rule task was interrupted instead of killed");
		}

		@Override
		public void apply(DelegateExecution execution, RuleRun run) {
			binding.apply(execution, run);
		}

		@Override
		public Set<String> reads() {
			return binding.reads();
		}

		@Override
		public Set<String> writes() {
			return binding.writes();
		}

	}

}
