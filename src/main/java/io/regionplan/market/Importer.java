package io.regionplan.market;

import java.util.Set;

/**
 * Who runs an import: directors and admins import every region's data and the data of no region
 * (channels, price tiers); a regional manager imports rows of their own regions only.
 */
public record Importer(String userId, boolean privileged, Set<String> regions) {

	public static Importer system() {
		return new Importer("system", true, Set.of());
	}

	boolean mayImport(String region) {
		return privileged || regions.contains(region);
	}

}
