package io.regionplan.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.regionplan.rules.RuleSetSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The files process owners edit, keyed by their path in the repository
 * ({@code processes/x.bpmn}, {@code forms/x.form}, {@code rules/<rule-set>/x.drl}); these
 * paths are the resource names of the deployment. Other files in the folders (notes,
 * editor backups) are not part of it.
 */
public record ProcessFiles(SortedMap<String, byte[]> files) {

	/** The prefix under which the build packages the three folders on the classpath. */
	static final String CLASSPATH_ROOT = "process-files/";

	private static final Pattern DEPLOYABLE = Pattern.compile(
			"processes/[^/]+\\.bpmn|forms/[^/]+\\.form|rules/[a-z0-9][a-z0-9-]*/[^/.][^/]*\\.(drl|properties|xlsx)");

	public ProcessFiles {
		files = new TreeMap<>(files);
	}

	public static boolean isDeployable(String path) {
		return DEPLOYABLE.matcher(path).matches();
	}

	public Map<String, RuleSetSource> ruleSets() {
		return RuleSetSource.of(files);
	}

	/** Reads the folders below {@code root}, e.g. a repository checkout. */
	public static ProcessFiles fromFolder(Path root) {
		SortedMap<String, byte[]> files = new TreeMap<>();
		for (String folder : new String[] { "processes", "forms", "rules" }) {
			Path dir = root.resolve(folder);
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (Stream<Path> paths = Files.walk(dir)) {
				for (Path path : paths.filter(Files::isRegularFile).toList()) {
					String name = root.relativize(path).toString().replace('\\', '/');
					if (isDeployable(name)) {
						files.put(name, Files.readAllBytes(path));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + dir, ex);
			}
		}
		return new ProcessFiles(files);
	}

	/**
	 * Reads the folders the build packaged into the application under
	 * {@value #CLASSPATH_ROOT}.
	 */
	public static ProcessFiles fromClasspath(ResourcePatternResolver resolver) {
		SortedMap<String, byte[]> files = new TreeMap<>();
		try {
			Resource[] resources = resolver.getResources("classpath*:" + CLASSPATH_ROOT + "**/*");
			for (Resource resource : Arrays.stream(resources).filter(Resource::isReadable).toList()) {
				String url = resource.getURL().toString();
				int root = url.lastIndexOf("/" + CLASSPATH_ROOT);
				if (root < 0) {
					continue;
				}
				String name = url.substring(root + CLASSPATH_ROOT.length() + 1);
				if (isDeployable(name)) {
					try (InputStream in = resource.getInputStream()) {
						files.put(name, in.readAllBytes());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the packaged process files", ex);
		}
		return new ProcessFiles(files);
	}

}
