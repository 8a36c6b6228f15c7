package io.regionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module's SQL names only its own tables: what another module decided is read
 * through that module's API (e.g. {@code planning.PlanningCycles}), never from its
 * tables. Camunda's history tables may be read (never written) by any module.
 */
class ModuleTablesTests {

	private static final Path SOURCES = Path.of("src/main/java/io/regionplan");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/**
	 * Table name prefix → the module that owns the tables; every table of the migrations
	 * has one.
	 */
	private static final Map<String, String> OWNERS = new LinkedHashMap<>();

	static {
		OWNERS.put("market_", "market");
		OWNERS.put("decision", "decision");
		OWNERS.put("cycle_", "planning");
		OWNERS.put("work_plan", "workplan");
		OWNERS.put("deployment_", "deployment");
	}

	private static final String LITERAL = "\"\"\"(?:.*?)\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"";

	/** String literals joined by {@code +}: one statement written over several lines. */
	private static final Pattern CHAIN = Pattern.compile("(?:" + LITERAL + ")(?:\\s*\\+\\s*(?:" + LITERAL + "))*",
			Pattern.DOTALL);

	private static final Pattern PART = Pattern.compile(LITERAL, Pattern.DOTALL);

	private static final Pattern STATEMENT = Pattern
		.compile("^\\s*(select|insert into|update|delete from|merge into)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern TABLE = Pattern.compile("\\b(from|join|into|update)\\s+([A-Za-z_][A-Za-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	record Use(String module, String file, String table, boolean write) {
	}

	@Test
	void everyTableOfTheMigrationsHasAnOwningModule() throws IOException {
		assertThat(tables()).isNotEmpty().allSatisfy(table -> assertThat(owner(table)).as(table).isNotNull());
	}

	@Test
	void eachModulesSqlNamesOnlyItsOwnTables() throws IOException {
		List<Use> uses = uses();
		Set<String> tables = tables();

		assertThat(uses).as("the scan sees the SQL of the modules").hasSizeGreaterThan(50);
		assertThat(uses).extracting(Use::module).contains("market", "decision", "planning", "workplan", "deployment");
		List<String> violations = new ArrayList<>();
		for (Use use : uses) {
			if (use.table().toUpperCase().startsWith("ACT_")) {
				if (use.write()) {
					violations.add(use + ": writes a Camunda table");
				}
			}
			else if (!tables.contains(use.table().toLowerCase())) {
				violations.add(use + ": no such table in the migrations");
			}
			else if (!use.module().equals(owner(use.table().toLowerCase()))) {
				violations.add(use + ": a table of module " + owner(use.table().toLowerCase()));
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void theScanFindsATableOfAnotherModuleInConcatenatedSql() {
		String source = """
				jdbc.query("select city_id, tier from "
						+ "x where a = ?");
				jdbc.query("select strategy from cycle_city_strategy where process_instance_id = ?", rs -> {});
				log.info("nothing from the market here");
				overrides.apply("dealer", "cycle_dealer_tier");
				""";

		assertThat(uses("insight", "Sample.java", source, Set.of("cycle_dealer_tier"))).containsExactly(
				new Use("insight", "Sample.java", "x", false),
				new Use("insight", "Sample.java", "cycle_city_strategy", false),
				new Use("insight", "Sample.java", "cycle_dealer_tier", false));
	}

	private static List<Use> uses() throws IOException {
		Set<String> tables = tables();
		List<Use> uses = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
				.sorted()
				.toList()) {
				String module = SOURCES.relativize(file).getName(0).toString();
				uses.addAll(uses(module, SOURCES.relativize(file).toString(), Files.readString(file), tables));
			}
		}
		return uses;
	}

	/**
	 * The tables a file's string literals name: in SQL statements (literals joined by
	 * {@code +} read as one), and a literal that is exactly a table name with an
	 * underscore (handed to SQL built elsewhere; a bare word such as {@code decision} is
	 * more often a JSON key than a table).
	 */
	static List<Use> uses(String module, String file, String source, Set<String> tables) {
		List<Use> uses = new ArrayList<>();
		Matcher chain = CHAIN.matcher(source);
		while (chain.find()) {
			StringBuilder text = new StringBuilder();
			Matcher part = PART.matcher(chain.group());
			while (part.find()) {
				String literal = part.group();
				text.append(literal.startsWith("\"\"\"") ? literal.substring(3, literal.length() - 3)
						: literal.substring(1, literal.length() - 1));
			}
			String sql = text.toString();
			if (STATEMENT.matcher(sql).find()) {
				Matcher table = TABLE.matcher(sql);
				while (table.find()) {
					boolean write = !table.group(1).equalsIgnoreCase("from")
							&& !table.group(1).equalsIgnoreCase("join");
					uses.add(new Use(module, file, table.group(2), write));
				}
			}
			else if (sql.contains("_") && tables.contains(sql.toLowerCase())) {
				uses.add(new Use(module, file, sql, false));
			}
		}
		return uses;
	}

	private static Set<String> tables() throws IOException {
		Set<String> tables = new TreeSet<>();
		Pattern create = Pattern.compile("create table (?:if not exists )?([a-z_]+)", Pattern.CASE_INSENSITIVE);
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				Matcher matcher = create.matcher(Files.readString(file));
				while (matcher.find()) {
					tables.add(matcher.group(1).toLowerCase());
				}
			}
		}
		return tables;
	}

	private static String owner(String table) {
		return OWNERS.entrySet()
			.stream()
			.filter(e -> table.startsWith(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
