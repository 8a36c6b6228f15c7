package io.regionplan.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.regionplan.IntegrationTest;
import io.regionplan.market.imports.ImportReport;
import io.regionplan.market.imports.Importer;
import io.regionplan.market.imports.MarketImports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@IntegrationTest
class MarketApiIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MarketImports imports;

	@TempDir
	Path dir;

	private static boolean imported;

	@BeforeEach
	void importT1() {
		if (!imported) {
			MarketFixtures.T1.forEach((kind, text) -> imports.importNow(kind,
					MarketFixtures.csv(dir, kind + ".csv", text), kind + ".csv", Importer.system()));
			imported = true;
		}
	}

	private ResponseEntity<ImportReport> upload(String user, String kind, String fileName, String text) {
		return rest.withBasicAuth(user, "demo")
			.postForEntity("/api/market/imports", multipart(kind, fileName, text), ImportReport.class);
	}

	private ImportReport waitForReport(String user, String id) {
		return await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> rest.withBasicAuth(user, "demo").getForObject("/api/market/imports/" + id, ImportReport.class),
					ImportReport::finished);
	}

	@Test
	void directorUploadsAFileAndPollsItsReport() {
		ResponseEntity<ImportReport> accepted = upload("zhao.director", "regions", "regions.csv",
				"region,name_zh,name_en\nt5,测试五,Test Five\n");

		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(accepted.getHeaders().getLocation()).hasPath("/api/market/imports/" + accepted.getBody().id());
		ImportReport report = waitForReport("zhao.director", accepted.getBody().id());
		assertThat(report.status()).isEqualTo("SUCCEEDED");
		assertThat(report.inserted()).isEqualTo(1);
		assertThat(report.userId()).isEqualTo("zhao.director");
	}

	@Test
	void badUploadIsRejectedWithRowLevelReport() {
		ResponseEntity<ImportReport> accepted = upload("zhao.director", "sales", "bad-sales.csv",
				"dealer,city,channel,month,amount,volume\nt1-d1,t1-a,T-KA,2026-13,100,1\n");

		ImportReport report = waitForReport("zhao.director", accepted.getBody().id());
		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).containsExactly(new ImportReport.RowError("bad-sales.csv", 2, "month", "2026-13",
				"月份须为 YYYY-MM / month must be YYYY-MM"));
	}

	@Test
	void anotherUsersImportIsNotVisibleToAManager() {
		String id = upload("zhao.director", "regions", "regions.csv", "region,name_zh,name_en\nt4,测试四,Test Four\n")
			.getBody()
			.id();
		waitForReport("zhao.director", id);

		assertThat(rest.withBasicAuth("wang.east", "demo")
			.getForEntity("/api/market/imports/" + id, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void unknownKindAndEmptyFileAreBadRequests() {
		ResponseEntity<String> unknown = rest.withBasicAuth("zhao.director", "demo")
			.postForEntity("/api/market/imports", multipart("<svg onload=alert(1)>", "x.csv", "a\n1\n"), String.class);
		ResponseEntity<String> empty = rest.withBasicAuth("zhao.director", "demo")
			.postForEntity("/api/market/imports", multipart("regions", "x.csv", ""), String.class);

		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody()).contains("unknown kind").contains("not a valid id").doesNotContain("<svg");
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private static HttpEntity<MultiValueMap<String, Object>> multipart(String kind, String fileName, String text) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("kind", kind);
		form.add("file", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(form, headers);
	}

	@Test
	void auditorsAndProcessOwnersCannotImportAndAnonymousIsUnauthorized() {
		assertThat(rest.withBasicAuth("sun.auditor", "demo")
			.postForEntity("/api/market/imports", multipart("regions", "r.csv", "region\n"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.withBasicAuth("chen.owner", "demo")
			.postForEntity("/api/market/imports", multipart("regions", "r.csv", "region\n"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// an unknown caller is answered 401 without its body being read (UnreadBodies):
		// the connection is then closed, and a client still sending may see the reset
		// before the answer
		try {
			assertThat(
					rest.postForEntity("/api/market/imports", multipart("regions", "r.csv", "region\n"), String.class)
						.getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		catch (org.springframework.web.client.ResourceAccessException closed) {
			assertThat(closed).hasMessageContaining("/api/market/imports");
		}
		assertThat(rest.postForEntity("/api/market/imports", null, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void managerCannotReadAnotherRegionsDealers() {
		assertThat(rest.withBasicAuth("wang.east", "demo")
			.getForEntity("/api/market/regions/t1/dealers", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(rest.withBasicAuth("wang.east", "demo")
			.getForEntity("/api/market/regions/t1/metrics/dealers", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		List<Map<String, Object>> regions = rest.withBasicAuth("wang.east", "demo")
			.getForObject("/api/market/regions", List.class);
		assertThat(regions).extracting(region -> region.get("region")).doesNotContain("t1");
	}

	@Test
	void directorPagesAndFiltersARegionsData() {
		TestRestTemplate zhao = rest.withBasicAuth("zhao.director", "demo");

		Map<String, Object> page = zhao.getForObject("/api/market/regions/t1/dealers?size=2", Map.class);
		Map<String, Object> inCityC = zhao.getForObject("/api/market/regions/t1/dealers?city=t1-c", Map.class);
		Map<String, Object> carrying = zhao.getForObject("/api/market/regions/t1/stores?carries=true", Map.class);
		Map<String, Object> tier4 = zhao.getForObject("/api/market/regions/t1/cities?tier=4", Map.class);

		assertThat((List<?>) page.get("content")).hasSize(2);
		assertThat(page).containsEntry("totalElements", 3).containsEntry("totalPages", 2);
		assertThat((List<Map<String, Object>>) inCityC.get("content")).extracting(d -> d.get("dealer"))
			.containsExactly("t1-d3");
		assertThat((List<Map<String, Object>>) carrying.get("content")).extracting(s -> s.get("store"))
			.containsExactly("t1-s1", "t1-s2");
		assertThat((List<Map<String, Object>>) tier4.get("content")).extracting(c -> c.get("city"))
			.containsExactly("t1-b");
	}

	@Test
	void metricsOverRest() {
		List<Map<String, Object>> cities = rest.withBasicAuth("zhao.director", "demo")
			.getForObject("/api/market/regions/t1/metrics/cities?period=2026-10", List.class);

		assertThat(cities).filteredOn(c -> "t1-a".equals(c.get("cityId")))
			.singleElement()
			.satisfies(a -> assertThat(((Number) a.get("share")).doubleValue()).isEqualTo(0.0023));
	}

	@Test
	void badQueryParametersAreBadRequests() {
		TestRestTemplate zhao = rest.withBasicAuth("zhao.director", "demo");

		ResponseEntity<String> period = zhao.getForEntity("/api/market/regions/t1/metrics/cities?period=2026-13",
				String.class);
		ResponseEntity<String> size = zhao.getForEntity("/api/market/regions/t1/dealers?size=100000", String.class);

		assertThat(period.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(period.getBody()).contains("period must be YYYY-MM");
		assertThat(size.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

}
