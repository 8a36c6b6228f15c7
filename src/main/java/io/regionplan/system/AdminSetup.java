package io.regionplan.system;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code camunda-admin} group with every permission, and the administrator in it.
 * Without an admin the webapps open their first-user setup page, which anyone reaching
 * the server could use.
 */
@Component
@Order(5)
class AdminSetup extends AbstractProcessEnginePlugin {

	private final AdminSettings settings;

	AdminSetup(AdminSettings settings) {
		this.settings = settings;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult() == null) {
			Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
			group.setName("系统管理员 / Administrators");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			identity.saveGroup(group);
		}
		AuthorizationService authorizations = engine.getAuthorizationService();
		for (Resource resource : Resources.values()) {
			if (authorizations.createAuthorizationQuery()
				.groupIdIn(Groups.CAMUNDA_ADMIN)
				.resourceType(resource)
				.resourceId(Authorization.ANY)
				.count() == 0) {
				Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				all.setGroupId(Groups.CAMUNDA_ADMIN);
				all.setResource(resource);
				all.setResourceId(Authorization.ANY);
				all.addPermission(Permissions.ALL);
				authorizations.saveAuthorization(all);
			}
		}
		if (settings.password() == null || settings.password().isBlank()) {
			return;
		}
		if (identity.createUserQuery().userId(settings.id()).singleResult() == null) {
			User admin = identity.newUser(settings.id());
			admin.setFirstName("RegionPlan");
			admin.setLastName("Admin");
			admin.setPassword(settings.password());
			identity.saveUser(admin);
		}
		if (identity.createUserQuery().userId(settings.id()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
			identity.createMembership(settings.id(), Groups.CAMUNDA_ADMIN);
		}
	}

}
