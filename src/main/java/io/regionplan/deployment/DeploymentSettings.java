package io.regionplan.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code regionplan.deployment}.
 * @param source {@code classpath} for the folders packaged in the application, or the path of a folder
 * holding {@code processes/}, {@code rules/} and {@code forms/}
 * @param name the Camunda deployment name; each new version is a new deployment of this name
 */
@ConfigurationProperties("regionplan.deployment")
public record DeploymentSettings(@DefaultValue("classpath") String source, @DefaultValue("regionplan") String name) {

	public boolean fromClasspath() {
		return "classpath".equals(source);
	}

}
