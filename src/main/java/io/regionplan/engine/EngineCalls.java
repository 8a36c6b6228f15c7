package io.regionplan.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Engine reads the application does on a caller's behalf after checking access itself,
 * e.g. the rule files of a decision the caller may see, which the caller's Camunda
 * permissions would not cover.
 */
public final class EngineCalls {

	private EngineCalls() {
	}

	public static <T> T withoutAuthorization(ProcessEngine engine, Supplier<T> work) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		return configuration.getCommandExecutorTxRequired()
			.execute(context -> context.runWithoutAuthorization(work::get));
	}

}
