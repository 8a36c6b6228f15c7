package io.regionplan.system;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's people and regions. Every password is {@code demo}; the prod profile
 * has none of them. The admin {@code demo} comes from {@link AdminSetup}.
 */
@Component
@Profile("demo")
@Order(20) // after AdminSetup
class DemoIdentity extends AbstractProcessEnginePlugin {

	static final String PASSWORD = "demo";

	record DemoUser(String id, String firstName, String lastName, List<String> groups, List<String> regions) {
	}

	static final Map<String, String> REGIONS = Map.of("east", "华东 / East China", "south", "华南 / South China");

	static final List<DemoUser> USERS = List.of(
			new DemoUser("wang.east", "王", "华东区域经理", List.of(Roles.REGIONAL_MANAGER), List.of("east")),
			new DemoUser("li.south", "李", "华南区域经理", List.of(Roles.REGIONAL_MANAGER), List.of("south")),
			// directors, process owners and auditors see every region through their group
			// (RegionTenants)
			new DemoUser("zhao.director", "赵", "营销总监", List.of(Roles.SALES_DIRECTOR), List.of()),
			new DemoUser("chen.owner", "陈", "流程负责人", List.of(Roles.PROCESS_OWNER), List.of()),
			new DemoUser("sun.auditor", "孙", "审计", List.of(Roles.AUDITOR), List.of()));

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		REGIONS.forEach((id, name) -> RegionTenants.ensure(identity, id, name));
		for (DemoUser demo : USERS) {
			if (identity.createUserQuery().userId(demo.id()).singleResult() == null) {
				User user = identity.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setEmail(demo.id() + "@regionplan.example");
				user.setPassword(PASSWORD);
				identity.saveUser(user);
			}
			for (String group : demo.groups()) {
				if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
					identity.createMembership(demo.id(), group);
				}
			}
			for (String region : demo.regions()) {
				if (identity.createTenantQuery().tenantId(region).userMember(demo.id()).count() == 0) {
					identity.createTenantUserMembership(region, demo.id());
				}
			}
		}

	}

}
