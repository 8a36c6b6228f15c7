package io.regionplan.workplan;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cycle's OGSPM plan and the kanban cards of its actions: written from the work-plan
 * form, moved by the region's people, every move kept with who and when.
 */
@Service
public class WorkPlans {

	public static final Set<String> STATUSES = Set.of("TODO", "DOING", "DONE", "BLOCKED");

	private final JdbcTemplate jdbc;

	WorkPlans(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Card as the kanban shows it; {@code overdue} when past due and not done. */
	public record Card(String id, String processInstanceId, String regionId, String action, String owner, LocalDate due,
			String status, int version, String updatedBy, Instant updatedAt, boolean overdue) {
	}

	/**
	 * Replaces the cycle's plan (a plan sent back and rewritten keeps no stale cards).
	 */
	@Transactional
	public void write(String cycleId, String regionId, String objective, String goals, String strategies, String plans,
			String measures, String userId) {
		List<PlanLines.Action> actions = PlanLines.parse(plans);
		jdbc.update(
				"delete from work_plan_item_move where item_id in (select id from work_plan_item where cycle_id = ?)",
				cycleId);
		jdbc.update("delete from work_plan_item where cycle_id = ?", cycleId);
		jdbc.update("delete from work_plan where cycle_id = ?", cycleId);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update(
				"insert into work_plan (cycle_id, region_id, objective, goals, strategies, measures, written_by, written_at) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?)",
				cycleId, regionId, objective, goals, strategies, measures, userId, now);
		List<Object[]> rows = new ArrayList<>();
		for (PlanLines.Action action : actions) {
			rows.add(new Object[] { UUID.randomUUID().toString(), cycleId, regionId, action.action(), action.owner(),
					Date.valueOf(action.due()), userId, now });
		}
		jdbc.batchUpdate(
				"insert into work_plan_item (id, cycle_id, region_id, action, owner, due_date, status, version, "
						+ "updated_by, updated_at) values (?, ?, ?, ?, ?, ?, 'TODO', 0, ?, ?)",
				rows);
	}

	/**
	 * A follower city's own copy of a benchmark's plan, its actions starting again as
	 * TODO.
	 */
	@Transactional
	public void copy(String fromPlan, String toPlan, String regionId, String note, String userId) {
		java.util.Map<String, Object> plan = jdbc.queryForMap(
				"select objective, goals, strategies, measures from work_plan " + "where cycle_id = ?", fromPlan);
		StringBuilder actions = new StringBuilder();
		jdbc.query("select action, owner, due_date from work_plan_item where cycle_id = ? order by due_date, id",
				rs -> {
					actions.append(rs.getString(1))
						.append(" | ")
						.append(rs.getString(2))
						.append(" | ")
						.append(rs.getDate(3).toLocalDate())
						.append('\n');
				}, fromPlan);
		write(toPlan, regionId, plan.get("OBJECTIVE") + "\n" + note, (String) plan.get("GOALS"),
				(String) plan.get("STRATEGIES"), actions.toString(), (String) plan.get("MEASURES"), userId);
	}

	/**
	 * The cards of {@code regions} (all when {@code null}), of one cycle when
	 * {@code cycle} is given.
	 */
	public List<Card> cards(Set<String> regions, String cycle, LocalDate today) {
		List<String> conditions = new ArrayList<>();
		List<Object> arguments = new ArrayList<>();
		if (regions != null) {
			conditions.add(regions.isEmpty() ? "1 = 0"
					: "region_id in (" + String.join(", ", regions.stream().map(r -> "?").toList()) + ")");
			arguments.addAll(regions);
		}
		if (cycle != null) {
			conditions.add("cycle_id = ?");
			arguments.add(cycle);
		}
		return query(conditions, arguments, today);
	}

	private List<Card> query(List<String> conditions, List<Object> arguments, LocalDate today) {
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return jdbc
			.query("select id, cycle_id, region_id, action, owner, due_date, status, version, updated_by, updated_at "
					+ "from work_plan_item" + where + " order by due_date, id", (rs, n) -> {
						LocalDate due = rs.getDate(6).toLocalDate();
						String status = rs.getString(7);
						return new Card(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
								rs.getString(5), due, status, rs.getInt(8), rs.getString(9),
								rs.getTimestamp(10).toInstant(), !"DONE".equals(status) && due.isBefore(today));
					}, arguments.toArray());
	}

	/** Moves a card; {@code false} when it changed since the mover saw it (version). */
	@Transactional
	public boolean move(String itemId, String from, String to, int version, String userId) {
		Timestamp now = Timestamp.from(Instant.now());
		int updated = jdbc
			.update("update work_plan_item set status = ?, version = version + 1, updated_by = ?, updated_at = ? "
					+ "where id = ? and version = ? and status = ?", to, userId, now, itemId, version, from);
		if (updated == 0) {
			return false;
		}
		jdbc.update(
				"insert into work_plan_item_move (item_id, from_status, to_status, user_id, moved_at) values (?, ?, ?, ?, ?)",
				itemId, from, to, userId, now);
		return true;
	}

	public java.util.Optional<Card> card(String itemId, LocalDate today) {
		return query(List.of("id = ?"), List.of(itemId), today).stream().findFirst();
	}

}
