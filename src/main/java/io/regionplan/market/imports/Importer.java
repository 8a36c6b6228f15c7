package io.regionplan.market.imports;

import java.util.Set;

/**
 * Who runs an import: directors and admins import every region's data and the reference
 * data every region shares (channels, price tiers); a regional manager imports rows of
 * their own regions only. No import moves a city, dealer, store or spending to another
 * region unless a director or admin asks for it ({@code movesBetweenRegions}).
 */
public record Importer(String userId, boolean privileged, Set<String> regions, boolean movesBetweenRegions) {

	public Importer {
		if (movesBetweenRegions && !privileged) {
			throw new IllegalArgumentException("only directors and admins move rows between regions");
		}
	}

	public Importer(String userId, boolean privileged, Set<String> regions) {
		this(userId, privileged, regions, false);
	}

	public static Importer system() {
		return new Importer("system", true, Set.of());
	}

	boolean mayImport(String region) {
		return privileged || regions.contains(region);
	}

}
