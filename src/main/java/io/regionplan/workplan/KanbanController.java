package io.regionplan.workplan;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.system.Echo;
import io.regionplan.system.RegionPlanUser;
import io.regionplan.system.Roles;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The kanban: a region's cards by status. Its cards are moved by the region's people, its
 * regional managers, and by sales directors; everybody else who may read them (process
 * owners, auditors, admins) only reads.
 */
@RestController
@RequestMapping("/api/workplan")
class KanbanController {

	private final WorkPlans plans;

	KanbanController(WorkPlans plans) {
		this.plans = plans;
	}

	record Move(String from, String to, Integer version) {
	}

	@GetMapping("/cards")
	List<WorkPlans.Card> cards(@RequestParam(required = false) String region,
			@RequestParam(required = false) String processInstanceId, @AuthenticationPrincipal RegionPlanUser user) {
		Set<String> regions = visible(user);
		if (region != null) {
			if (regions != null && !regions.contains(region)) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个区域 / no region " + Echo.id(region));
			}
			regions = Set.of(region);
		}
		return plans.cards(regions, processInstanceId, today());
	}

	@PostMapping("/cards/{id}/move")
	WorkPlans.Card move(@PathVariable String id, @RequestBody Move move, @AuthenticationPrincipal RegionPlanUser user) {
		if (move == null || move.to() == null || !WorkPlans.STATUSES.contains(move.to())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"to 须为 " + WorkPlans.STATUSES + " 之一 / 'to' must be one of " + WorkPlans.STATUSES);
		}
		Set<String> regions = visible(user);
		WorkPlans.Card card = plans.card(id, today())
			.filter(c -> regions == null || regions.contains(c.regionId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这张卡片 / no card " + Echo.id(id)));
		if (!movesCardsOf(user, card.regionId())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "看板卡片只能由区域经理和营销总监移动 / kanban cards are moved "
					+ "by the region's managers and by sales directors only");
		}
		String from = move.from() != null ? move.from() : card.status();
		int version = move.version() != null ? move.version() : card.version();
		if (!plans.move(id, from, move.to(), version, user.id())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"卡片已被他人修改，请刷新 / the card changed meanwhile: reload and try again");
		}
		return plans.card(id, today()).orElseThrow();
	}

	/** Directors and admins see every region; everybody else their own. */
	private static Set<String> visible(RegionPlanUser user) {
		if (user.isMemberOf(Roles.SALES_DIRECTOR) || user.isMemberOf(Roles.ADMIN) || user.isMemberOf(Roles.AUDITOR)) {
			return null;
		}
		return new HashSet<>(user.regionIds());
	}

	private static boolean movesCardsOf(RegionPlanUser user, String region) {
		return user.isMemberOf(Roles.SALES_DIRECTOR)
				|| user.isMemberOf(Roles.REGIONAL_MANAGER) && user.canSeeRegion(region);
	}

	private static LocalDate today() {
		return ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
	}

	@GetMapping("/statuses")
	Map<String, String> statuses() {
		return Map.of("TODO", "待办 / To do", "DOING", "进行中 / Doing", "DONE", "完成 / Done", "BLOCKED", "受阻 / Blocked");
	}

}
