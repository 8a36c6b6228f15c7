package io.regionplan.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps a Camunda tenant for every region, so that the region's process instances, tasks
 * and history are visible to its members only. Directors, auditors, process owners and
 * admins belong to every region through their groups.
 */
@Component
public class RegionTenants {

	static final List<String> ALL_REGION_GROUPS = List.of(Roles.SALES_DIRECTOR, Roles.AUDITOR, Roles.PROCESS_OWNER,
			Roles.ADMIN);

	private final IdentityService identity;

	private final ApplicationEventPublisher events;

	public RegionTenants(IdentityService identity, ApplicationEventPublisher events) {
		this.identity = identity;
		this.events = events;
	}

	public void ensure(String regionId, String name) {
		if (ensure(identity, regionId, name)) {
			events.publishEvent(new IdentityChanged("region " + regionId));
		}
	}

	/**
	 * @return whether the tenant or a membership was created
	 */
	static boolean ensure(IdentityService identity, String regionId, String name) {
		boolean changed = false;
		Tenant tenant = identity.createTenantQuery().tenantId(regionId).singleResult();
		if (tenant == null) {
			tenant = identity.newTenant(regionId);
			tenant.setName(name);
			identity.saveTenant(tenant);
			changed = true;
		}
		for (String group : ALL_REGION_GROUPS) {
			if (identity.createGroupQuery().groupId(group).singleResult() != null
					&& identity.createTenantQuery().tenantId(regionId).groupMember(group).count() == 0) {
				identity.createTenantGroupMembership(regionId, group);
				changed = true;
			}
		}
		return changed;
	}

}
