package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.regionplan.forms.FormValidationException;

import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/**
 * The director's renewals as the plan approval submits them (a checklist: the Json text
 * of the ticked store ids) against the investments the cycle flagged, and the summary the
 * manager reads afterwards, by hand: S-001 spent 20,000 yuan (2.0 万元) for 15,000
 * incremental profit (ROI 0.75), S-002 40,000 (4.0 万元) for 20,000 (ROI 0.5); threshold
 * 1.0.
 */
class StoreRenewalCheckTests {

	static final List<String> FLAGGED = List.of("S-001", "S-002");

	private static String refusal(Object value) {
		try {
			StoreRenewalCheck.renewed(value, FLAGGED);
			return null;
		}
		catch (FormValidationException ex) {
			return ex.field() + ": " + ex.getMessage();
		}
	}

	@Test
	void tickedFlaggedInvestmentsAreRenewedAndNothingTickedRenewsNone() {
		assertThat(StoreRenewalCheck.renewed("[\"S-002\"]", FLAGGED)).containsExactly("S-002");
		assertThat(StoreRenewalCheck.renewed("[\"S-001\",\"S-002\"]", FLAGGED)).containsExactly("S-001", "S-002");
		assertThat(StoreRenewalCheck.renewed("[]", FLAGGED)).isEmpty();
		assertThat(StoreRenewalCheck.renewed(null, FLAGGED)).isEmpty();
		// what the engine holds for the Json variable Tasklist sends
		assertThat(
				StoreRenewalCheck.renewed(SpinValues.jsonValue("[\"S-001\"]").create().getValueSerialized(), FLAGGED))
			.containsExactly("S-001");
	}

	@Test
	void aStoreNotOfferedIsRefusedNamingItsPlaceInTheList() {
		assertThat(refusal("[\"S-001\",\"S-009\"]")).startsWith("roiRenewals[2]: 字段 roiRenewals[2]：不是本次审批所列的门店投入")
			.contains("is not one of the store investments offered for renewal")
			.doesNotContain("S-009");
		// a store of the region with an ROI of 1 or more is not offered: not flagged
		assertThat(StoreRenewalCheck.renewed("[]", List.of())).isEmpty();
		assertThat(refusal("[\"S-001\"]".replace("S-001", "S-003"))).startsWith("roiRenewals[1]: ");
	}

	@Test
	void wrongTypesAndRepeatsAreRefusedNamingTheField() {
		assertThat(refusal(3)).startsWith("roiRenewals: ")
			.contains("must be the list of the offered investments ticked");
		assertThat(refusal(true)).startsWith("roiRenewals: ");
		assertThat(refusal("S-001")).startsWith("roiRenewals: ");
		assertThat(refusal("{\"S-001\": true}")).startsWith("roiRenewals: ");
		assertThat(refusal("[1]")).startsWith("roiRenewals[1]: ").contains("must be the text of a store id");
		assertThat(refusal("[{\"value\": \"S-001\"}]")).startsWith("roiRenewals[1]: ");
		assertThat(refusal("[\"S-001\",\"S-001\"]")).startsWith("roiRenewals[2]: ")
			.contains("the same investment is ticked twice");
	}

	@Test
	void theSummaryNamesRenewedAndNotRenewedAndTheSpendAddsUp() {
		StoreRenewals.StoreLabels labels = new StoreRenewals.StoreLabels(Map.of("S-001", "观前街店"),
				Map.of("suzhou", "苏州"));
		List<StoreRenewals.Flagged> answered = List.of(flagged("S-001", "20000", "15000", "0.75", true),
				flagged("S-002", "40000", "20000", "0.5", false));

		// 20,000 + 40,000 = 60,000 yuan = 6.0 万元
		assertThat(StoreRenewalTexts.summary(answered, labels)).isEqualTo("""
				续投 / renewed 1 · 不续投 / not renewed 1（上年 ROI 低于门槛的门店投入，总监批准计划时决定 / last year's store \
				investments with an ROI below the threshold, decided by the director with the plan）
				续投 / renewed: 观前街店（苏州，S-001） — 上年投入 / last year's spend 2.0 万元，ROI 0.75 < 1.0
				不续投 / not renewed: 门店 S-002（苏州） — 上年投入 / last year's spend 4.0 万元，ROI 0.5 < 1.0
				上年投入 / last year's spend: 续投 / renewed 2.0 万元 + 不续投 / not renewed 4.0 万元 = 6.0 万元；各城市的门店投入金额不变，\
				不续投的门店不再从中获得投入 / each city's store-investment money is unchanged; stores not renewed get none of it""");
		assertThat(StoreRenewalTexts.summary(List.of(), labels)).isEqualTo(StoreRenewalTexts.NONE);
	}

	@Test
	void anOptionShowsTheStoreByNameAndItsNumbersInWan() {
		StoreRenewals.StoreLabels labels = new StoreRenewals.StoreLabels(Map.of("S-001", "观前街店"),
				Map.of("suzhou", "苏州"));

		assertThat(labels.option(flagged("S-001", "20000", "15000", "0.75", null)))
			.isEqualTo("观前街店（苏州，S-001） — 上年投入 2.0 万元，增量毛利 1.5 万元，ROI 0.75 < 1.0 / "
					+ "last year's spend 2.0 万元, incremental profit 1.5 万元, ROI 0.75 < 1.0");
	}

	static StoreRenewals.Flagged flagged(String store, String spend, String profit, String roi, Boolean renewed) {
		return new StoreRenewals.Flagged(store, "suzhou", new BigDecimal(spend), new BigDecimal(profit),
				new BigDecimal(roi).setScale(4), "1.0", "Roi_BelowMinimum", "d1:abc", renewed);
	}

}
