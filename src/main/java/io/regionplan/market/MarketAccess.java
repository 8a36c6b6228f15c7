package io.regionplan.market;

import io.regionplan.system.RegionPlanUser;
import io.regionplan.system.Roles;
import io.regionplan.system.Echo;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may read which region's market data: every member of a region reads it (managers
 * their own, directors, auditors and process owners every region through their groups).
 * Who imports it is {@code imports.ImportAccess}.
 */
public final class MarketAccess {

	private MarketAccess() {
	}

	/** 404 rather than 403: another region's data does not exist for the caller. */
	static void checkRead(RegionPlanUser user, String region) {
		if (!user.canSeeRegion(region) && !user.isMemberOf(Roles.ADMIN)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "区域不存在 / no region " + Echo.id(region));
		}
	}

	/** Directors and admins: every region's data, and the imports of anybody. */
	public static boolean isPrivileged(RegionPlanUser user) {
		return user.isMemberOf(Roles.ADMIN) || user.isMemberOf(Roles.SALES_DIRECTOR);
	}

}
