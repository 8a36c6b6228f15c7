package io.regionplan.deployment;

import java.util.List;

import io.regionplan.engine.VariableContract;
import io.regionplan.rules.RuleSetBinding;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The check of process variables against the delegates and bindings of this application.
 */
@Configuration(proxyBeanMethods = false)
class ProcessVariablesConfiguration {

	@Bean
	ProcessVariablesCheck processVariablesCheck(ListableBeanFactory beans, List<RuleSetBinding> bindings) {
		return new ProcessVariablesCheck(beans.getBeansOfType(VariableContract.class), bindings, beans::containsBean);
	}

}
