package io.regionplan.rules.fact;

import java.util.List;

/**
 * The volumes a source counts for in the cities (one for a source the manager assigned to
 * a city, one per city for a region total), inserted by one rule at once: the plan split
 * collects these groups.
 */
public record SourceShares(List<SourceShare> shares) implements OutcomeGroup {

	public SourceShares {
		shares = List.copyOf(shares);
	}

	/** Whether any city gets some of the source. */
	public boolean positive() {
		return shares.stream().anyMatch(SourceShare::positive);
	}

	@Override
	public List<SourceShare> outcomes() {
		return shares;
	}

}
