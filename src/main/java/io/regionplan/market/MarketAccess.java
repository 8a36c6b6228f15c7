package io.regionplan.market;

import java.util.Set;

import io.regionplan.system.RegionPlanUser;
import io.regionplan.system.Roles;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may read and import which region's market data: every member of a region reads it (managers
 * their own, directors, auditors and process owners every region through their groups); directors,
 * admins and the region's managers import it.
 */
final class MarketAccess {

	private MarketAccess() {
	}

	/** 404 rather than 403: another region's data does not exist for the caller. */
	static void checkRead(RegionPlanUser user, String region) {
		if (!user.canSeeRegion(region) && !user.isMemberOf(Roles.ADMIN)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "区域不存在 / no region '" + region + "'");
		}
	}

	static boolean isPrivileged(RegionPlanUser user) {
		return user.isMemberOf(Roles.ADMIN) || user.isMemberOf(Roles.SALES_DIRECTOR);
	}

	static Importer importer(RegionPlanUser user) {
		if (isPrivileged(user)) {
			return new Importer(user.id(), true, Set.copyOf(user.regionIds()));
		}
		if (user.isMemberOf(Roles.REGIONAL_MANAGER)) {
			return new Importer(user.id(), false, Set.copyOf(user.regionIds()));
		}
		throw new ResponseStatusException(HttpStatus.FORBIDDEN,
				"只有总监、管理员和区域经理可以导入数据 / only directors, admins and regional managers import data");
	}

}
