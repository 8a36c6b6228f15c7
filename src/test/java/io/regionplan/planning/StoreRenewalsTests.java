package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.util.List;

import io.regionplan.market.MarketNames;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cycle's flagged store investments as the rule task stores them: a run again before
 * the approval replaces them; an answer the approval gave stays with its numbers.
 */
class StoreRenewalsTests {

	private final CycleTables tables = new CycleTables("V1__market.sql", "V52__store_renewal.sql");

	private final StoreRenewals renewals = new StoreRenewals(tables.jdbc(), mock(MarketNames.class));

	@AfterEach
	void close() {
		tables.close();
	}

	/** 20,000 spent for 15,000: ROI 0.75 (or another spend for the second run). */
	private static StoreRenewals.Flagged flagged(String store, String spend, String profit, String roi) {
		return new StoreRenewals.Flagged(store, "suzhou", new BigDecimal(spend), new BigDecimal(profit),
				new BigDecimal(roi), "1.0", "Roi_BelowMinimum", "d1:abc", null);
	}

	@Test
	void aRunAgainReplacesTheUnansweredAndKeepsTheAnswered() {
		renewals.replace("cycle-1",
				List.of(flagged("S-1", "20000", "15000", "0.75"), flagged("S-2", "40000", "20000", "0.5")));
		assertThat(renewals.of("cycle-1")).extracting(StoreRenewals.Flagged::storeId).containsExactly("S-1", "S-2");

		// a return: the rules run again and flag S-2 with other numbers and S-3; nothing
		// was answered, so these are the cycle's flags now
		renewals.replace("cycle-1",
				List.of(flagged("S-2", "30000", "15000", "0.5"), flagged("S-3", "10000", "5000", "0.5")));
		assertThat(renewals.of("cycle-1")).extracting(f -> f.storeId() + " " + f.spend().toPlainString())
			.containsExactly("S-2 30000.00", "S-3 10000.00");

		// approved: S-2 renewed, S-3 not; an administrator moving the instance back runs
		// the rules again, which flag only S-3 and S-4: the answers stay as given
		assertThat(renewals.answer("cycle-1", "S-2", true, "新店长 / new manager", "zhao.director")).isTrue();
		assertThat(renewals.answer("cycle-1", "S-3", false, null, "zhao.director")).isTrue();
		renewals.replace("cycle-1",
				List.of(flagged("S-3", "99000", "1000", "0.01"), flagged("S-4", "10000", "9000", "0.9")));
		assertThat(renewals.of("cycle-1"))
			.extracting(f -> f.storeId() + " " + f.spend().toPlainString() + " " + f.renewed())
			.containsExactly("S-2 30000.00 true", "S-3 10000.00 false", "S-4 10000.00 null");
		assertThat(renewals.answer("cycle-1", "S-3", false, null, "zhao.director")).as("the same answer again")
			.isFalse();
	}

}
