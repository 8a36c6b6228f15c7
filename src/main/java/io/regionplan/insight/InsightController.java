package io.regionplan.insight;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.regionplan.market.DealerMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.system.Echo;
import io.regionplan.system.RegionPlanUser;
import io.regionplan.system.Roles;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The data of the chart pages, for the members of a region; {@code cycle} defaults to the
 * region's latest planning cycle.
 */
@RestController
@RequestMapping("/api/insight/regions/{region}")
class InsightController {

	private static final int MIN_YEAR = 2000;

	private static final int MAX_YEAR = 2100;

	private final InsightQueries queries;

	private final MarketMetrics metrics;

	InsightController(InsightQueries queries, MarketMetrics metrics) {
		this.queries = queries;
		this.metrics = metrics;
	}

	@GetMapping("/cycles")
	List<String> cycles(@PathVariable String region, @AuthenticationPrincipal RegionPlanUser user) {
		check(user, region);
		return queries.cycles(region);
	}

	@GetMapping("/quadrant")
	InsightQueries.Quadrant quadrant(@PathVariable String region,
			@RequestParam(name = "processInstanceId", required = false) String cycle,
			@AuthenticationPrincipal RegionPlanUser user) {
		check(user, region);
		YearMonth period = metrics.latestMonth(region)
			.orElseThrow(() -> notFound("区域 " + Echo.id(region) + " 没有销售数据 / no sales in region " + Echo.id(region)));
		return queries.quadrant(region, cycle(region, cycle), period);
	}

	@GetMapping("/plan-vs-actual")
	InsightQueries.PlanVsActual planVsActual(@PathVariable String region,
			@RequestParam(name = "processInstanceId", required = false) String cycle,
			@RequestParam(required = false) Integer year, @AuthenticationPrincipal RegionPlanUser user) {
		check(user, region);
		if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"year 须在 " + MIN_YEAR + " 到 " + MAX_YEAR + " 之间 / year must be " + MIN_YEAR + " to " + MAX_YEAR);
		}
		String planned = cycle(region, cycle);
		if (year == null) {
			return queries.planVsActual(region, planned,
					queries.year(planned)
						.orElseThrow(() -> notFound("规划周期 " + Echo.id(planned) + " 没有年度，请指定 year / cycle "
								+ Echo.id(planned) + " has no planning year: give year")));
		}
		return queries.planVsActual(region, planned, year);
	}

	@GetMapping("/tier-mix")
	InsightQueries.TierMixChange tierMix(@PathVariable String region,
			@RequestParam(name = "processInstanceId", required = false) String cycle,
			@RequestParam(required = false) String compareTo, @AuthenticationPrincipal RegionPlanUser user) {
		check(user, region);
		List<String> cycles = queries.cycles(region);
		String current = cycle(region, cycle, cycles);
		String previous = compareTo != null ? compareTo
				: cycles.stream().filter(c -> !c.equals(current)).findFirst().orElse(null);
		if (previous != null && !cycles.contains(previous)) {
			throw notFound(noCycle(previous, region));
		}
		Map<String, String> names = metrics.latestMonth(region)
			.map(month -> metrics.dealers(region, month))
			.orElse(List.of())
			.stream()
			.collect(Collectors.toMap(DealerMetrics::dealerId, DealerMetrics::name));
		return queries.tierMix(current, previous, names);
	}

	private String cycle(String region, String cycle) {
		return cycle(region, cycle, queries.cycles(region));
	}

	/**
	 * The asked-for cycle if it is one of the region's {@code cycles}, else the latest.
	 */
	private String cycle(String region, String cycle, List<String> cycles) {
		if (cycle == null) {
			return cycles.stream()
				.findFirst()
				.orElseThrow(() -> notFound(
						"区域 " + Echo.id(region) + " 还没有规划周期 / no planning cycle in region " + Echo.id(region)));
		}
		if (!cycles.contains(cycle)) {
			throw notFound(noCycle(cycle, region));
		}
		return cycle;
	}

	private static String noCycle(String cycle, String region) {
		return "区域 " + Echo.id(region) + " 没有这个规划周期 " + Echo.id(cycle) + " / no planning cycle " + Echo.id(cycle)
				+ " in region " + Echo.id(region);
	}

	private static void check(RegionPlanUser user, String region) {
		if (!user.canSeeRegion(region) && !user.isMemberOf(Roles.ADMIN)) {
			throw notFound("没有这个区域 / no region " + Echo.id(region));
		}
	}

	private static ResponseStatusException notFound(String message) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
	}

}
