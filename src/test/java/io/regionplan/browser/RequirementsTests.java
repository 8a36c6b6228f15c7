package io.regionplan.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regionplan.browser.Requires.Need;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * A missing browser or tool fails in CI and is a reported skip elsewhere, never silent.
 */
class RequirementsTests {

	@Test
	void aMissingToolFailsTheClassWhenToolsAreRequired() {
		assertThatThrownBy(() -> Requirements.check(PagesBrowserTests.class, Need.TOOLS, false, true))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("PagesBrowserTests needs the process owners' tools in tools/node_modules")
			.hasMessageContaining("npm ci --ignore-scripts --prefix tools")
			.hasMessageContaining("CI=true or -Dregionplan.tests.require-tools=true");
	}

	@Test
	void aMissingBrowserSkipsTheClassWithItsReasonOutsideCi() {
		assertThatThrownBy(() -> Requirements.check(TasklistBrowserTests.class, Need.CHROMIUM, false, false))
			.isInstanceOf(TestAbortedException.class)
			.hasMessageContaining("TasklistBrowserTests needs Chromium and chromedriver")
			.hasMessageContaining("sudo apt-get install chromium chromium-driver");
	}

	@Test
	void aPresentNeedNeitherFailsNorSkips() {
		assertThatCode(() -> Requirements.check(TasklistBrowserTests.class, Need.NODE, true, true))
			.doesNotThrowAnyException();
	}

}
