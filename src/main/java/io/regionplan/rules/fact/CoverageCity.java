package io.regionplan.rules.fact;

import java.util.List;

/**
 * A city as the {@code coverage-targets} rules see it: its strategy in the cycle, after
 * the manager's overrides, and the adjacent cities that are base camps, which support a
 * three-points-attack-one city.
 *
 * @param adjacentBaseCamps the Chinese names of the adjacent BASE_CAMP cities
 */
public record CoverageCity(String cityId, String cityName, String strategy,
		List<String> adjacentBaseCamps) implements Subject {

	public CoverageCity {
		adjacentBaseCamps = List.copyOf(adjacentBaseCamps);
	}

	@Override
	public String subjectType() {
		return "city";
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	/** The adjacent base camps for a reason: "苏州、无锡", or "无" without any. */
	public String baseCampsZh() {
		return adjacentBaseCamps.isEmpty() ? "无" : String.join("、", adjacentBaseCamps);
	}

	/** The adjacent base camps for an English reason: "苏州, 无锡", or "none". */
	public String baseCampsEn() {
		return adjacentBaseCamps.isEmpty() ? "none" : String.join(", ", adjacentBaseCamps);
	}

}
