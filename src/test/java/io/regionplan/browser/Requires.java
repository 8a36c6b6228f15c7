package io.regionplan.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test class needs from the machine beyond Java, checked once before anything of
 * the class starts (no Spring context, no browser). Missing, it fails the class where
 * tools are required (CI, or {@code -Dregionplan.tests.require-tools=true}) and is
 * skipped elsewhere, said once on the console.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Requirements.class)
public @interface Requires {

	Need[] value();

	enum Need {

		CHROMIUM("Chromium and chromedriver (" + Browser.CHROME + ", " + Browser.CHROMEDRIVER + ")",
				"sudo apt-get install chromium chromium-driver, or set CHROME_BIN and CHROMEDRIVER"),

		TOOLS("the process owners' tools in tools/node_modules (bpmnlint, bpmn-js, form-js)",
				"npm ci --ignore-scripts --prefix tools"),

		NODE("node on the PATH", "install Node.js 20");

		final String what;

		final String install;

		Need(String what, String install) {
			this.what = what;
			this.install = install;
		}

	}

}
