package io.regionplan.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.regionplan.engine.JsonVariables;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.fact.DealerTier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A re-classification during the year (table cycle_tier_proposal): the tiers the rules
 * propose per quarter, what the manager reads of them (the dealers that would move, the
 * overrides that stay), and putting them in force once confirmed: the cycle's tiers
 * become the proposals, then the cycle's kept overrides go back over them.
 */
@Component
class Reclassifications {

	/** One proposal against the tier the cycle holds now and its kept override. */
	record Proposal(String dealerId, String name, String current, String proposed, String reasonZh, String reasonEn,
			String override, String overrideReason) {

		boolean moves() {
			return override == null && !proposed.equals(current);
		}

		boolean overrideKept() {
			return override != null && !proposed.equals(override);
		}

	}

	private final JdbcTemplate jdbc;

	Reclassifications(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void save(String cycle, int quarter, String region, List<DealerTier> tiers, Map<String, List<String>> flags,
			RuleSetVersion version, Map<String, String> names) {
		jdbc.update("delete from cycle_tier_proposal where process_instance_id = ? and quarter = ?", cycle, quarter);
		Map<String, String> current = new HashMap<>();
		jdbc.query("select dealer_id, tier from cycle_dealer_tier where process_instance_id = ?", rs -> {
			current.put(rs.getString(1), rs.getString(2));
		}, cycle);
		List<Object[]> rows = new ArrayList<>();
		for (DealerTier tier : tiers) {
			rows.add(new Object[] { cycle, quarter, tier.dealerId(), region, current.get(tier.dealerId()), tier.tier(),
					String.join(",", flags.getOrDefault(tier.dealerId(), List.of())), tier.reasonZh(), tier.reasonEn(),
					version.label(), names.getOrDefault(tier.dealerId(), tier.dealerId()) });
		}
		jdbc.batchUpdate("insert into cycle_tier_proposal (process_instance_id, quarter, dealer_id, region_id, "
				+ "current_tier, proposed_tier, flags, reason_zh, reason_en, rule_version, dealer_name) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	/** The quarter's proposals with the cycle's tiers now and its kept tier overrides. */
	List<Proposal> proposals(String cycle, int quarter) {
		return jdbc.query("select p.dealer_id, p.dealer_name, t.tier, p.proposed_tier, p.reason_zh, p.reason_en, "
				+ "o.override_value, o.reason from cycle_tier_proposal p "
				+ "left join cycle_dealer_tier t on t.process_instance_id = p.process_instance_id "
				+ "and t.dealer_id = p.dealer_id "
				+ "left join cycle_override o on o.process_instance_id = p.process_instance_id and o.kind = 'tier' "
				+ "and o.subject_id = p.dealer_id where p.process_instance_id = ? and p.quarter = ? "
				+ "order by p.dealer_id",
				(rs, n) -> new Proposal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
				cycle, quarter);
	}

	/**
	 * What the manager's review shows: the dealers that move and why, the overrides that
	 * stay against the rules' proposal, and the dealers to choose from for a change.
	 */
	void summarize(DelegateExecution execution, String cycle, int quarter) {
		List<Proposal> proposals = proposals(cycle, quarter);
		List<Proposal> moves = proposals.stream().filter(Proposal::moves).toList();
		List<Proposal> kept = proposals.stream().filter(Proposal::overrideKept).toList();
		StringBuilder text = new StringBuilder("数据期 / data: " + execution.getVariable("reclassificationPeriod")
				+ "\n变动 " + moves.size() + " 家 / " + moves.size() + " dealers move:");
		moves.forEach(p -> text.append('\n')
			.append(p.name())
			.append("（")
			.append(p.dealerId())
			.append("）")
			.append(p.current() == null ? "新 / new" : p.current())
			.append(" → ")
			.append(p.proposed())
			.append(" — ")
			.append(p.reasonZh())
			.append(" / ")
			.append(p.reasonEn()));
		text.append("\n保留人工调整 ").append(kept.size()).append(" 家 / ").append(kept.size()).append(" overrides kept:");
		kept.forEach(p -> text.append('\n')
			.append(p.name())
			.append("（")
			.append(p.dealerId())
			.append("）")
			.append(p.override())
			.append("（规则建议 / the rules propose ")
			.append(p.proposed())
			.append("）— ")
			.append(p.overrideReason()));
		execution.setVariable("reclassificationSummary", text.toString());
		execution.setVariable("reclassificationMoves", moves.size());
		List<ReviewChoices.Option> options = new ArrayList<>();
		proposals.forEach(p -> options.add(new ReviewChoices.Option(
				p.name() + "（" + p.dealerId() + "，" + (p.override() != null ? p.override() : p.proposed()) + " 级）",
				p.dealerId())));
		execution.setVariable("dealerOptions", JsonVariables.of(options));
	}

	/**
	 * The confirmed proposals become the cycle's tiers (a dealer new since the cycle
	 * began is added); the caller then puts the kept overrides back.
	 */
	void putInForce(String cycle, int quarter) {
		jdbc.query("select dealer_id, region_id, proposed_tier, flags, reason_zh, reason_en, rule_version "
				+ "from cycle_tier_proposal where process_instance_id = ? and quarter = ?", rs -> {
					int updated = jdbc.update(
							"update cycle_dealer_tier set tier = ?, flags = ?, reason_zh = ?, "
									+ "reason_en = ?, rule_version = ? where process_instance_id = ? and dealer_id = ?",
							rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), cycle,
							rs.getString(1));
					if (updated == 0) {
						jdbc.update(
								"insert into cycle_dealer_tier (process_instance_id, dealer_id, region_id, tier, "
										+ "flags, reason_zh, reason_en, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?)",
								cycle, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
								rs.getString(5), rs.getString(6), rs.getString(7));
					}
				}, cycle, quarter);
	}

}
