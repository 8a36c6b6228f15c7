package io.regionplan.benchmark;

import java.util.Arrays;
import java.util.List;

import io.regionplan.engine.ExpressionBean;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The follower cities a benchmark rolls out to, one rollout task each. Referenced from
 * BPMN as {@code benchmarkFollowers}.
 */
@ExpressionBean
@Component("benchmarkFollowers")
public class BenchmarkFollowers {

	public List<String> cities(DelegateExecution execution) {
		Object value = execution.getVariable("followerCities");
		return value == null ? List.of()
				: Arrays.stream(value.toString().split("[,，、\\s]+"))
					.map(String::strip)
					.filter(city -> !city.isEmpty())
					.distinct()
					.toList();
	}

}
