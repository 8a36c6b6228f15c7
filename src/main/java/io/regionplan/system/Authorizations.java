package io.regionplan.system;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Idempotent grants: running the setup again adds missing permissions and never
 * duplicates a row.
 */
final class Authorizations {

	private final AuthorizationService service;

	Authorizations(AuthorizationService service) {
		this.service = service;
	}

	void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = service.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.singleResult();
		if (authorization == null) {
			authorization = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		boolean changed = authorization.getId() == null;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			service.saveAuthorization(authorization);
		}
	}

}
