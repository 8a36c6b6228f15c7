package io.regionplan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port an application JVM a test started with {@code --server.port=0} was given by
 * the operating system when it bound, read from its log: a port picked by the test before
 * the start could be taken by another process meanwhile.
 */
public final class ServerPort {

	/** The argument that lets the operating system choose. */
	public static final String ANY = "--server.port=0";

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private ServerPort() {
	}

	/** The port of the last start logged in {@code log}; empty before it listens. */
	public static OptionalInt fromLog(Path log) throws IOException {
		if (!Files.exists(log)) {
			return OptionalInt.empty();
		}
		Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
		OptionalInt port = OptionalInt.empty();
		while (started.find()) {
			port = OptionalInt.of(Integer.parseInt(started.group(1)));
		}
		return port;
	}

}
