package io.regionplan.market.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.regionplan.IntegrationTest;
import io.regionplan.market.MarketFixtures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Whose rows an import may write (issue 16, finding 4): a key of another region is never
 * taken over by an import, a manager's rows refer to their own regions only, and the
 * reference data every region shares is imported by directors and admins. Region t7 (a
 * city, a dealer, a store) stands for south; wang.east manages east.
 */
@IntegrationTest
class MarketRegionImportIntegrationTests {

	static final String CITIES = "city,region,name_zh,name_en,tier,population,market_size,distance_km\n";

	static final String DEALERS = "dealer,region,name,receivables,overdue_days,cross_region_incidents,compliance_score,"
			+ "target_stores\n";

	static final String STORES = "store,city,channel,dealer,carries_product,category_sales\n";

	private static boolean fixtures;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MarketImports imports;

	@TempDir
	Path dir;

	@BeforeEach
	void regionsT6AndT7() {
		if (fixtures) {
			return;
		}
		importAsSystem("regions", "region,name_zh,name_en\nt6,测试六,Test Six\nt7,测试七,Test Seven\n");
		importAsSystem("channels", "channel,name_zh,name_en\nW-KA,测试卖场,Test KA\n");
		importAsSystem("cities", CITIES + "t6-a,t6,戊城,City T6,3,1000,1000,10\nt7-a,t7,己城,City T7,3,1000,1000,10\n");
		importAsSystem("dealers", DEALERS + "t6-d1,t6,戊城商贸,0,0,0,90,1\nt7-d1,t7,己城商贸,0,0,0,90,1\n");
		importAsSystem("stores", STORES + "t7-s1,t7-a,W-KA,t7-d1,true,100\n");
		fixtures = true;
	}

	private void importAsSystem(String kind, String csv) {
		ImportReport report = imports.importNow(kind, MarketFixtures.csv(dir, kind + ".csv", csv), kind + ".csv",
				Importer.system());
		assertThat(report.status()).as(kind + " " + report.errors()).isEqualTo("SUCCEEDED");
	}

	private ResponseEntity<ImportReport> upload(String user, String kind, String csv, String... fields) {
		return rest.withBasicAuth(user, "demo")
			.postForEntity("/api/market/imports", multipartOf(kind, csv, fields), ImportReport.class);
	}

	private ImportReport imported(String user, String kind, String csv, String... fields) {
		ResponseEntity<ImportReport> accepted = upload(user, kind, csv, fields);
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> rest.withBasicAuth(user, "demo")
				.getForObject("/api/market/imports/" + accepted.getBody().id(), ImportReport.class),
					ImportReport::finished);
	}

	private String regionOf(String table, String id) {
		String sql = switch (table) {
			case "market_store" ->
				"select c.region_id from market_store s join market_city c on c.id = s.city_id where s.id = ?";
			default -> "select region_id from " + table + " where id = ?";
		};
		return jdbc.queryForObject(sql, String.class, id);
	}

	private String eastDealer() {
		return jdbc.queryForObject("select min(id) from market_dealer where region_id = 'east'", String.class);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			cities  | t7-a,east,己城,City T7,3,1000,1000,10  | t6-new,east,新城,New City,3,1,1,1  | city   | market_city
			dealers | t7-d1,east,己城商贸,0,0,0,90,1          | t6-new,east,新商贸,0,0,0,90,1      | dealer | market_dealer
			stores  | t7-s1,shanghai,W-KA,,true,100         | t6-new,shanghai,W-KA,,true,1       | store  | market_store
			""")
	void aManagerCannotTakeAnotherRegionsCityDealerOrStoreAndTheFileWritesNothing(String kind, String taken, String own,
			String column, String table) {
		String header = switch (kind) {
			case "cities" -> CITIES;
			case "dealers" -> DEALERS;
			default -> STORES;
		};

		ImportReport report = imported("wang.east", kind, header + own + "\n" + taken + "\n");

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.column()).isEqualTo(column);
			assertThat(error.value()).isEqualTo(taken.substring(0, taken.indexOf(',')));
			assertThat(error.reason()).contains("属于区域 t7").contains("belongs to region t7");
		});
		assertThat(regionOf(table, taken.substring(0, taken.indexOf(',')))).isEqualTo("t7");
		assertThat(jdbc.queryForObject("select count(*) from " + table + " where id = 't6-new'", Integer.class))
			.as("nothing of the file")
			.isZero();
	}

	@Test
	void aDirectorMovesARowToAnotherRegionOnlyWhenAskingAndTheReportSaysSo() {
		String moveT7ToT6 = CITIES + "t7-a,t6,己城,City T7,3,1000,1000,10\n";

		ImportReport refused = imported("zhao.director", "cities", moveT7ToT6);
		ImportReport moved = imported("zhao.director", "cities", moveT7ToT6, "moveBetweenRegions", "true");
		String after = regionOf("market_city", "t7-a");
		ImportReport back = imported("zhao.director", "cities", CITIES + "t7-a,t7,己城,City T7,3,1000,1000,10\n",
				"moveBetweenRegions", "true");

		assertThat(refused.status()).isEqualTo("REJECTED");
		assertThat(refused.errors()).singleElement()
			.satisfies(error -> assertThat(error.reason()).contains("belongs to region t7")
				.contains("moveBetweenRegions=true"));
		assertThat(moved.status()).isEqualTo("SUCCEEDED");
		assertThat(moved.moved()).containsExactly(new ImportReport.Move(2, "city", "t7-a", "t7", "t6"));
		assertThat(moved.message()).contains("1 rows moved to another region");
		assertThat(after).isEqualTo("t6");
		assertThat(back.moved()).containsExactly(new ImportReport.Move(2, "city", "t7-a", "t6", "t7"));
		assertThat(jdbc.queryForObject("select report from market_import where id = ?", String.class, moved.id()))
			.as("the move is in the import's record")
			.contains("\"fromRegion\":\"t7\"");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					store served by t7's dealer | stores          | store,city,channel,dealer,carries_product,category_sales | t6-s9,shanghai,W-KA,t7-d1,true,1 | dealer
					sales in t7's city          | sales           | dealer,city,channel,month,amount,volume                  | EAST,t7-a,W-KA,2026-01,1,1       | city
					coverage of t7's city       | dealer-coverage | dealer,city,channel                                      | EAST,t7-a,W-KA                   | city
					""")
	void aManagersRowsReferToTheirOwnRegionsOnly(String name, String kind, String header, String row, String column) {
		ImportReport report = imported("wang.east", kind, header + "\n" + row.replace("EAST", eastDealer()) + "\n");

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo(column);
			assertThat(error.reason()).contains("属于区域 t7").contains("belongs to region t7, not one of yours");
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "channels", "price-tiers" })
	void sharedReferenceDataIsImportedByDirectorsAndAdminsOnly(String kind) {
		String csv = kind.equals("channels") ? "channel,name_zh,name_en\nW-KA,改名,Renamed\n"
				: "price_tier,name_zh,name_en,min_price,max_price\nW-ECO,测试,Test,1,2\n";

		ResponseEntity<String> manager = rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/api/market/imports", multipartOf(kind, csv), String.class);
		ImportReport inProcess = imports.importNow(kind, MarketFixtures.csv(dir, "shared.csv", csv), "shared.csv",
				new Importer("wang.east", false, Set.of("east")));
		ImportReport director = imported("zhao.director", kind,
				csv.replace("改名", "测试卖场").replace("Renamed", "Test KA"));

		assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(manager.getBody()).contains("is shared by every region: only directors and admins");
		assertThat(inProcess.status()).isEqualTo("REJECTED");
		assertThat(inProcess.errors()).singleElement()
			.satisfies(error -> assertThat(error.reason()).contains("only directors and admins import it"));
		assertThat(director.status()).as(director.errors().toString()).isEqualTo("SUCCEEDED");
		assertThat(jdbc.queryForList("select name_en from market_channel where id = 'W-KA'", String.class))
			.containsExactly("Test KA");
	}

	@Test
	void aManagerCannotAskToMoveRowsBetweenRegions() {
		ResponseEntity<String> refused = rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/api/market/imports", multipartOf("cities",
					CITIES + "t7-a,east,己城,City T7,3,1000,1000,10\n", "moveBetweenRegions", "true"), String.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody()).contains("only directors and admins move rows to another region");
		assertThat(regionOf("market_city", "t7-a")).isEqualTo("t7");
	}

	private static HttpEntity<MultiValueMap<String, Object>> multipartOf(String kind, String csv, String... fields) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("kind", kind);
		form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return kind + ".csv";
			}
		});
		for (int i = 0; i < fields.length; i += 2) {
			form.add(fields[i], fields[i + 1]);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(form, headers);
	}

}
