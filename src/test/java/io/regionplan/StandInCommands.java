package io.regionplan;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.Callable;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * For unit tests of code that runs engine commands without a process engine: a
 * configuration whose command executor runs each command at once, in a context that runs
 * what it is given without authorization checks.
 */
public final class StandInCommands {

	private StandInCommands() {
	}

	@SuppressWarnings("unchecked")
	public static ProcessEngineConfigurationImpl configuration() {
		CommandContext context = mock(CommandContext.class);
		when(context.runWithoutAuthorization(any(Callable.class)))
			.thenAnswer(call -> call.<Callable<?>>getArgument(0).call());
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setCommandExecutorTxRequired(new CommandExecutor() {
			@Override
			public <T> T execute(Command<T> command) {
				return command.execute(context);
			}
		});
		return configuration;
	}

}
