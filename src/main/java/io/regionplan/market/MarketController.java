package io.regionplan.market;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.regionplan.system.RegionPlanUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read access to a region's market data and metrics, for the members of that region.
 */
@RestController
@RequestMapping("/api/market")
class MarketController {

	private static final int MAX_PAGE_SIZE = 500;

	private final MarketQueries queries;

	private final MarketMetrics metrics;

	MarketController(MarketQueries queries, MarketMetrics metrics) {
		this.queries = queries;
		this.metrics = metrics;
	}

	@GetMapping("/regions")
	List<Map<String, Object>> regions(@AuthenticationPrincipal RegionPlanUser user) {
		return queries.regions()
			.stream()
			.filter(region -> user.canSeeRegion((String) region.get("region")) || MarketAccess.isPrivileged(user))
			.toList();
	}

	@GetMapping("/regions/{region}/cities")
	PageOf<Map<String, Object>> cities(@PathVariable String region, @RequestParam(required = false) Integer tier,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@AuthenticationPrincipal RegionPlanUser user) {
		MarketAccess.checkRead(user, region);
		return queries.cities(region, tier, checkPage(page), checkSize(size));
	}

	@GetMapping("/regions/{region}/dealers")
	PageOf<Map<String, Object>> dealers(@PathVariable String region, @RequestParam(required = false) String city,
			@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal RegionPlanUser user) {
		MarketAccess.checkRead(user, region);
		return queries.dealers(region, city, name, checkPage(page), checkSize(size));
	}

	@GetMapping("/regions/{region}/stores")
	PageOf<Map<String, Object>> stores(@PathVariable String region, @RequestParam(required = false) String city,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String dealer,
			@RequestParam(required = false) Boolean carries, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal RegionPlanUser user) {
		MarketAccess.checkRead(user, region);
		return queries.stores(region, city, channel, dealer, carries, checkPage(page), checkSize(size));
	}

	@GetMapping("/regions/{region}/metrics/cities")
	List<CityMetrics> cityMetrics(@PathVariable String region, @RequestParam(required = false) String period,
			@AuthenticationPrincipal RegionPlanUser user) {
		MarketAccess.checkRead(user, region);
		return metrics.cities(region, period(region, period));
	}

	@GetMapping("/regions/{region}/metrics/channels")
	List<ChannelMetrics> channelMetrics(@PathVariable String region, @AuthenticationPrincipal RegionPlanUser user) {
		MarketAccess.checkRead(user, region);
		return metrics.channels(region);
	}

	@GetMapping("/regions/{region}/metrics/dealers")
	List<DealerMetrics> dealerMetrics(@PathVariable String region, @RequestParam(required = false) String period,
			@AuthenticationPrincipal RegionPlanUser user) {
		MarketAccess.checkRead(user, region);
		return metrics.dealers(region, period(region, period));
	}

	private YearMonth period(String region, String period) {
		if (period == null || period.isBlank()) {
			return metrics.latestMonth(region).orElseGet(YearMonth::now);
		}
		try {
			return YearMonth.parse(period.strip());
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"period 须为 YYYY-MM / period must be YYYY-MM, got '" + period + "'");
		}
	}

	private static int checkPage(int page) {
		if (page < 0) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page 不能为负 / page must not be negative");
		}
		return page;
	}

	private static int checkSize(int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"size 须在 1 到 " + MAX_PAGE_SIZE + " 之间 / size must be 1 to " + MAX_PAGE_SIZE);
		}
		return size;
	}

}
