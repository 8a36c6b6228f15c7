package io.regionplan;

import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;

/**
 * What the integration tests share besides the application: the driver that takes cycles
 * through their tasks.
 */
@TestConfiguration(proxyBeanMethods = false)
class IntegrationTestBeans {

	@Bean
	CycleDriver cycleDriver(RuntimeService runtime, TaskService tasks, ManagementService management,
			TestRestTemplate rest) {
		return new CycleDriver(runtime, tasks, management, rest);
	}

}
