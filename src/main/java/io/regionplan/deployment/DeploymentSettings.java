package io.regionplan.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code regionplan.deployment}.
 *
 * @param source {@code classpath} for the folders packaged in the application, or the
 * path of a folder holding {@code processes/}, {@code rules/} and {@code forms/}
 * @param name the Camunda deployment name; each new version is a new deployment of this
 * name
 * @param folders the folder holding the editable processes/, rules/ and forms/ for
 * {@code POST /api/deployments/from-folders} (the working directory by default, e.g. a
 * checkout)
 */
@ConfigurationProperties("regionplan.deployment")
public record DeploymentSettings(@DefaultValue("classpath") String source, @DefaultValue("regionplan") String name,
		@DefaultValue(".") String folders) {

	public boolean fromClasspath() {
		return "classpath".equals(source);
	}

}
