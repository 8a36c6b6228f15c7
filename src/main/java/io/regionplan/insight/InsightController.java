package io.regionplan.insight;

import java.time.YearMonth;
import java.util.List;

import io.regionplan.market.MarketMetrics;
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
 * The data of the chart pages, for the members of a region; {@code cycle} defaults to the region's
 * latest planning cycle.
 */
@RestController
@RequestMapping("/api/insight/regions/{region}")
class InsightController {

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
	InsightQueries.Quadrant quadrant(@PathVariable String region, @RequestParam(required = false) String cycle,
			@AuthenticationPrincipal RegionPlanUser user) {
		check(user, region);
		YearMonth period = metrics.latestMonth(region).orElseThrow(() -> notFound("no sales in region " + region));
		return queries.quadrant(region, cycle(region, cycle), period);
	}

	@GetMapping("/plan-vs-actual")
	InsightQueries.PlanVsActual planVsActual(@PathVariable String region, @RequestParam(required = false) String cycle,
			@RequestParam(defaultValue = "2027") int year, @AuthenticationPrincipal RegionPlanUser user) {
		check(user, region);
		return queries.planVsActual(region, cycle(region, cycle), year);
	}

	@GetMapping("/tier-mix")
	InsightQueries.TierMixChange tierMix(@PathVariable String region, @RequestParam(required = false) String cycle,
			@RequestParam(required = false) String compareTo, @AuthenticationPrincipal RegionPlanUser user) {
		check(user, region);
		List<String> cycles = queries.cycles(region);
		String current = cycle(region, cycle);
		String previous = compareTo != null ? compareTo
				: cycles.stream().filter(c -> !c.equals(current)).findFirst().orElse(null);
		if (previous != null && !cycles.contains(previous)) {
			throw notFound("no cycle '" + previous + "' in region " + region);
		}
		return queries.tierMix(current, previous);
	}

	private String cycle(String region, String cycle) {
		List<String> cycles = queries.cycles(region);
		if (cycle == null) {
			return cycles.stream().findFirst().orElseThrow(() -> notFound("区域 " + region + " 还没有规划周期 / no planning cycle in region " + region));
		}
		if (!cycles.contains(cycle)) {
			throw notFound("no cycle '" + cycle + "' in region " + region);
		}
		return cycle;
	}

	private static void check(RegionPlanUser user, String region) {
		if (!user.canSeeRegion(region) && !user.isMemberOf(Roles.ADMIN)) {
			throw notFound("no region '" + region + "'");
		}
	}

	private static ResponseStatusException notFound(String message) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
	}

}
