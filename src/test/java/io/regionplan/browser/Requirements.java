package io.regionplan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.regionplan.browser.Requires.Need;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks a class's {@link Requires} before it starts. With {@code CI=true} or
 * {@code -Dregionplan.tests.require-tools=true} a missing need fails the class: CI must
 * never pass by skipping. Elsewhere the class is skipped and the reason printed once on
 * the console.
 */
public final class Requirements implements BeforeAllCallback {

	private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

	@Override
	public void beforeAll(ExtensionContext context) {
		Class<?> test = context.getRequiredTestClass();
		Requires requires = test.getAnnotation(Requires.class);
		if (requires != null) {
			for (Need need : requires.value()) {
				check(test, need);
			}
		}
	}

	/** Fails or skips {@code test} when {@code need} is missing on this machine. */
	static void check(Class<?> test, Need need) {
		check(test, need, present(need), required());
	}

	static void check(Class<?> test, Need need, boolean present, boolean required) {
		if (present) {
			return;
		}
		String reason = test.getSimpleName() + " needs " + need.what + ": " + need.install + " (.ci/run does this)";
		if (required) {
			throw new AssertionError(
					reason + "; tools are required here (CI=true or -Dregionplan.tests.require-tools=true)");
		}
		if (ANNOUNCED.add(test.getName() + need)) {
			System.out.println("[SKIPPED] " + reason);
		}
		Assumptions.abort(reason);
	}

	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("regionplan.tests.require-tools");
	}

	static boolean present(Need need) {
		return switch (need) {
			case CHROMIUM -> Browser.binaries().isPresent();
			case TOOLS -> Files.isDirectory(ProcessOwnerToolsTests.TOOLS.resolve("bpmnlint"))
					&& Files.isDirectory(ProcessOwnerToolsTests.TOOLS.resolve("bpmn-js"))
					&& Files.isDirectory(ProcessOwnerToolsTests.TOOLS.resolve("@bpmn-io/form-js"));
			case NODE -> nodeRuns();
		};
	}

	private static boolean nodeRuns() {
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			node.getInputStream().readAllBytes();
			return node.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
