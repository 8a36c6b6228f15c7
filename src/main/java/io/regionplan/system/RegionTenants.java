package io.regionplan.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Keeps a Camunda tenant for every region, so that the region's process instances, tasks and history
 * are visible to its members only. Directors, auditors, process owners and admins belong to every
 * region through their groups.
 */
@Component
public class RegionTenants {

	static final List<String> ALL_REGION_GROUPS = List.of(Roles.SALES_DIRECTOR, Roles.AUDITOR, Roles.PROCESS_OWNER,
			Roles.ADMIN);

	private final IdentityService identity;

	public RegionTenants(IdentityService identity) {
		this.identity = identity;
	}

	public void ensure(String regionId, String name) {
		ensure(identity, regionId, name);
	}

	static void ensure(IdentityService identity, String regionId, String name) {
		Tenant tenant = identity.createTenantQuery().tenantId(regionId).singleResult();
		if (tenant == null) {
			tenant = identity.newTenant(regionId);
			tenant.setName(name);
			identity.saveTenant(tenant);
		}
		for (String group : ALL_REGION_GROUPS) {
			if (identity.createGroupQuery().groupId(group).singleResult() != null
					&& identity.createTenantQuery().tenantId(regionId).groupMember(group).count() == 0) {
				identity.createTenantGroupMembership(regionId, group);
			}
		}
	}

}
