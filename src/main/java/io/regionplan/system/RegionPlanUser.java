package io.regionplan.system;

import java.security.Principal;
import java.util.List;

/**
 * The authenticated caller of the REST APIs: a Camunda user with its groups and regions
 * (tenants).
 */
public record RegionPlanUser(String id, List<String> groupIds, List<String> regionIds) implements Principal {

	public RegionPlanUser {
		groupIds = List.copyOf(groupIds);
		regionIds = List.copyOf(regionIds);
	}

	@Override
	public String getName() {
		return id;
	}

	public boolean isMemberOf(String groupId) {
		return groupIds.contains(groupId);
	}

	public boolean canSeeRegion(String regionId) {
		return regionIds.contains(regionId);
	}

}
