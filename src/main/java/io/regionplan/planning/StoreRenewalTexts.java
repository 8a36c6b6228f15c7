package io.regionplan.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.regionplan.rules.fact.Amounts;

/**
 * What the approved plan says of last year's flagged store investments: renewed and not
 * renewed by name, and their spend adding up. No money moves: the allocation gives each
 * city a store-investment amount, not an amount per store, so a store not renewed leaves
 * its city's amount for other stores.
 */
final class StoreRenewalTexts {

	static final String NONE = "没有需要总监决定续投的门店投入 / no store investment needed the director's renewal decision";

	private StoreRenewalTexts() {
	}

	/**
	 * The counts, one line per investment (renewed first), and the spend: renewed + not
	 * renewed = all flagged, exactly in yuan. An investment without an answer counts as
	 * not renewed.
	 */
	static String summary(List<StoreRenewals.Flagged> flagged, StoreRenewals.StoreLabels labels) {
		if (flagged.isEmpty()) {
			return NONE;
		}
		List<String> renewedLines = new ArrayList<>();
		List<String> notRenewedLines = new ArrayList<>();
		BigDecimal renewed = BigDecimal.ZERO;
		BigDecimal notRenewed = BigDecimal.ZERO;
		for (StoreRenewals.Flagged f : flagged) {
			String line = labels.store(f.storeId(), f.cityId()) + " — 上年投入 / last year's spend "
					+ Amounts.wan(f.spend()) + "，" + f.roiText();
			if (Boolean.TRUE.equals(f.renewed())) {
				renewedLines.add("续投 / renewed: " + line);
				renewed = renewed.add(f.spend());
			}
			else {
				notRenewedLines.add("不续投 / not renewed: " + line);
				notRenewed = notRenewed.add(f.spend());
			}
		}
		List<String> lines = new ArrayList<>();
		lines.add("续投 / renewed " + renewedLines.size() + " · 不续投 / not renewed " + notRenewedLines.size()
				+ "（上年 ROI 低于门槛的门店投入，总监批准计划时决定 / last year's store investments with an ROI below the "
				+ "threshold, decided by the director with the plan）");
		lines.addAll(renewedLines);
		lines.addAll(notRenewedLines);
		lines.add("上年投入 / last year's spend: 续投 / renewed " + Amounts.wan(renewed) + " + 不续投 / not renewed "
				+ Amounts.wan(notRenewed) + " = " + Amounts.wan(renewed.add(notRenewed))
				+ "；各城市的门店投入金额不变，不续投的门店不再从中获得投入 / each city's store-investment money is unchanged; "
				+ "stores not renewed get none of it");
		return String.join("\n", lines);
	}

}
