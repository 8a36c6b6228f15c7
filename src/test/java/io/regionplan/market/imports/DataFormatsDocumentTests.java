package io.regionplan.market.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/data-formats.md and the importer describe the same kinds, columns (with their
 * Chinese names) and keys, in the same order.
 */
class DataFormatsDocumentTests {

	private static final Pattern KIND = Pattern.compile("^### \\d+\\. `([a-z-]+)` .* — key: (.*)$");

	private static final Pattern COLUMN = Pattern.compile("^\\| ([a-z_]+) \\| ([^|]+) \\| (yes|no) \\|.*");

	@Test
	void documentMatchesTheImporter() throws IOException {
		Map<String, List<String>> documented = new LinkedHashMap<>();
		Map<String, String> keys = new LinkedHashMap<>();
		String current = null;
		for (String line : Files.readAllLines(Path.of("docs/data-formats.md"))) {
			Matcher kind = KIND.matcher(line);
			Matcher column = COLUMN.matcher(line);
			if (kind.matches()) {
				current = kind.group(1);
				documented.put(current, new ArrayList<>());
				keys.put(current, kind.group(2).replace("`", "").replace(" ", ""));
			}
			else if (current != null && column.matches() && !column.group(1).equals("column")) {
				documented.get(current).add(column.group(1) + "/" + column.group(2).strip() + "/" + column.group(3));
			}
		}

		assertThat(documented.keySet()).containsExactlyElementsOf(ImportKinds.ALL.keySet());
		ImportKinds.ALL.forEach((name, kind) -> {
			assertThat(documented.get(name)).as(name)
				.containsExactlyElementsOf(kind.columns()
					.stream()
					.map(c -> c.name() + "/" + c.nameZh() + "/" + (c.required() ? "yes" : "no"))
					.toList());
			assertThat(keys.get(name)).as(name).isEqualTo(String.join(",", kind.keys()));
		});
	}

}
