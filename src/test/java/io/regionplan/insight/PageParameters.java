package io.regionplan.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the pages under {@code static/} read from their address and what they send to the
 * API, read from their scripts rather than listed by hand, so that a parameter a page
 * starts to read is in the payload tests at once: {@code params.get('…')} for the
 * parameters; the {@code fetch} templates with {@code ${encodeURIComponent(x)}} slots,
 * {@code query.set('name', variable)} and {@code insight('path', { name: params.get('…')
 * })} for where each parameter goes.
 */
public final class PageParameters {

	static final Path STATIC = Path.of("src/main/resources/static");

	private static final Pattern SCRIPT = Pattern.compile("<script src=\"([^\"/:]+\\.js)\"");

	private static final Pattern READ = Pattern.compile("params\\.get\\('(\\w+)'\\)");

	private static final Pattern VARIABLE = Pattern.compile("const (\\w+) = params\\.get\\('(\\w+)'\\)");

	private static final Pattern FETCH = Pattern.compile("fetch\\(`(/api/[^`?]*)(?:\\?([^`]*))?`");

	private static final Pattern SLOT = Pattern.compile("\\$\\{(?:encodeURIComponent\\()?(\\w+)(?:\\.\\w+)?\\)?}");

	private static final Pattern QUERY_SET = Pattern.compile("query\\.set\\('(\\w+)', (\\w+)\\)");

	private static final Pattern INSIGHT = Pattern
		.compile("insight\\('([\\w-]+)'(?:, [^{;]*\\{ (\\w+): params\\.get\\('(\\w+)'\\) })?");

	/**
	 * One request a page makes: the path with {@code {parameter}} where a page parameter
	 * goes, and the query, API name to page parameter.
	 */
	public record ApiCall(String path, Map<String, String> query) {

		/** Whether the page parameter reaches the API in this call. */
		public boolean carries(String parameter) {
			return path.contains("{" + parameter + "}") || query.containsValue(parameter);
		}

	}

	private PageParameters() {
	}

	/** Every page (its name without {@code .html}) and the parameters it reads. */
	public static SortedMap<String, SortedSet<String>> byPage() {
		SortedMap<String, SortedSet<String>> pages = new TreeMap<>();
		for (Path page : pages()) {
			SortedSet<String> read = new TreeSet<>();
			Matcher matcher = READ.matcher(scripts(page));
			while (matcher.find()) {
				read.add(matcher.group(1));
			}
			pages.put(name(page), read);
		}
		return pages;
	}

	/** The GET requests of each page, with where its parameters go. */
	public static SortedMap<String, List<ApiCall>> callsByPage() {
		SortedMap<String, List<ApiCall>> calls = new TreeMap<>();
		for (Path page : pages()) {
			String code = scripts(page);
			Map<String, String> variables = new LinkedHashMap<>();
			Matcher variable = VARIABLE.matcher(code);
			while (variable.find()) {
				variables.put(variable.group(1), variable.group(2));
			}
			Map<String, String> set = new LinkedHashMap<>();
			Matcher querySet = QUERY_SET.matcher(code);
			while (querySet.find()) {
				set.put(querySet.group(1), variables.getOrDefault(querySet.group(2), querySet.group(2)));
			}
			List<ApiCall> found = new ArrayList<>();
			Matcher fetch = FETCH.matcher(code);
			while (fetch.find()) {
				String path = slots(fetch.group(1), variables);
				if (path.contains("${path}")) {
					Matcher insight = INSIGHT.matcher(code);
					while (insight.find()) {
						Map<String, String> query = new LinkedHashMap<>(set);
						if (insight.group(2) != null) {
							query.put(insight.group(2), insight.group(3));
						}
						found.add(new ApiCall(path.replace("${path}", insight.group(1)), query));
					}
				}
				else if (!path.contains("${")) {
					Map<String, String> query = new LinkedHashMap<>();
					if ("${query}".equals(fetch.group(2))) {
						// a URLSearchParams built with query.set(…) calls
						query.putAll(set);
					}
					else if (fetch.group(2) != null) {
						for (String pair : fetch.group(2).split("&")) {
							String[] parts = pair.split("=", 2);
							query.put(parts[0], slots(parts[1], variables).replaceAll("[{}]", ""));
						}
					}
					found.add(new ApiCall(path, query));
				}
			}
			calls.put(name(page), found);
		}
		return calls;
	}

	/** {@code ${encodeURIComponent(region)}} → {@code {region}} (the page parameter). */
	private static String slots(String template, Map<String, String> variables) {
		Matcher slot = SLOT.matcher(template);
		StringBuilder out = new StringBuilder();
		while (slot.find()) {
			String name = slot.group(1);
			slot.appendReplacement(out, Matcher.quoteReplacement(variables.containsKey(name)
					? "{" + variables.get(name) + "}" : name.equals("path") ? "${path}" : slot.group()));
		}
		return slot.appendTail(out).toString();
	}

	private static List<Path> pages() {
		try (Stream<Path> files = Files.walk(STATIC)) {
			return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(Path page) {
		String file = page.getFileName().toString();
		return file.substring(0, file.length() - ".html".length());
	}

	/** The page's own scripts (not libraries served from elsewhere), in one text. */
	private static String scripts(Path page) {
		try {
			StringBuilder code = new StringBuilder();
			Matcher script = SCRIPT.matcher(Files.readString(page));
			while (script.find()) {
				code.append(Files.readString(page.resolveSibling(script.group(1)))).append('\n');
			}
			return code.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
