package io.regionplan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RegionPlanApplication {

	public static void main(String[] args) {
		SpringApplication.run(RegionPlanApplication.class, args);
	}

}
