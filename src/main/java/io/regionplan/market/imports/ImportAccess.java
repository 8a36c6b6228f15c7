package io.regionplan.market.imports;

import java.util.Set;

import io.regionplan.market.MarketAccess;
import io.regionplan.system.RegionPlanUser;
import io.regionplan.system.Roles;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may import which region's market data: directors, admins and the region's managers;
 * the reference data every region shares, and moves between regions, only directors and
 * admins.
 */
final class ImportAccess {

	private ImportAccess() {
	}

	static String sharedByEveryRegion(String kind) {
		return "渠道、价格带等各区域共用的数据只有总监和管理员可以导入 / " + kind
				+ " is shared by every region: only directors and admins import it";
	}

	/**
	 * @param movesBetweenRegions the caller asks to move rows to another region, which
	 * directors and admins only do
	 */
	static Importer importer(RegionPlanUser user, boolean movesBetweenRegions) {
		if (MarketAccess.isPrivileged(user)) {
			return new Importer(user.id(), true, Set.copyOf(user.regionIds()), movesBetweenRegions);
		}
		if (!user.isMemberOf(Roles.REGIONAL_MANAGER)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"只有总监、管理员和区域经理可以导入数据 / only directors, admins and regional managers import data");
		}
		if (movesBetweenRegions) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"只有总监和管理员可以把数据移到另一区域 / only directors and admins move rows to another region");
		}
		return new Importer(user.id(), false, Set.copyOf(user.regionIds()));
	}

}
