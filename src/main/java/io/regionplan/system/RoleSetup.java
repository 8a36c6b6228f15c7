package io.regionplan.system;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups with their Camunda authorizations and the shared Tasklist
 * filters, in every profile: the roles are the product, the users are the installation's.
 * Task-level access comes from the candidate groups of each user task (the engine grants
 * them TASK_WORK); region isolation comes from the tenant check, as each region is a
 * tenant.
 *
 * Nobody gets CREATE on deployments through the engine: deploying goes through the
 * application's validated deployment API only.
 */
@Component
@Order(10)
class RoleSetup extends AbstractProcessEnginePlugin {

	static final Map<String, String> GROUP_NAMES = Map.of(Roles.REGIONAL_MANAGER, "区域经理 / Regional manager",
			Roles.SALES_DIRECTOR, "营销总监 / Sales director", Roles.PROCESS_OWNER, "流程负责人 / Process owner", Roles.AUDITOR,
			"审计 / Auditor");

	/** Processes a regional manager may start; directors may start every process. */
	static final String[] MANAGER_PROCESSES = { "regional-planning-cycle" };

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		GROUP_NAMES.forEach((id, name) -> {
			if (identity.createGroupQuery().groupId(id).singleResult() == null) {
				Group group = identity.newGroup(id);
				group.setName(name);
				group.setType(Groups.GROUP_TYPE_WORKFLOW);
				identity.saveGroup(group);
			}
		});
		Authorizations grants = new Authorizations(engine.getAuthorizationService());
		String all = "*";

		grants.grantGroup(Roles.REGIONAL_MANAGER, APPLICATION, "tasklist", Permissions.ACCESS);
		for (String processKey : MANAGER_PROCESSES) {
			grants.grantGroup(Roles.REGIONAL_MANAGER, PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
		}
		grants.grantGroup(Roles.REGIONAL_MANAGER, PROCESS_INSTANCE, all, ProcessInstancePermissions.CREATE);

		grants.grantGroup(Roles.SALES_DIRECTOR, APPLICATION, "tasklist", Permissions.ACCESS);
		grants.grantGroup(Roles.SALES_DIRECTOR, APPLICATION, "cockpit", Permissions.ACCESS);
		grants.grantGroup(Roles.SALES_DIRECTOR, PROCESS_DEFINITION, all, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK);
		grants.grantGroup(Roles.SALES_DIRECTOR, PROCESS_INSTANCE, all, ProcessInstancePermissions.CREATE,
				ProcessInstancePermissions.READ);

		grants.grantGroup(Roles.PROCESS_OWNER, APPLICATION, "tasklist", Permissions.ACCESS);
		grants.grantGroup(Roles.PROCESS_OWNER, APPLICATION, "cockpit", Permissions.ACCESS);
		grants.grantGroup(Roles.PROCESS_OWNER, PROCESS_DEFINITION, all, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
		grants.grantGroup(Roles.PROCESS_OWNER, DEPLOYMENT, all, Permissions.READ);

		grants.grantGroup(Roles.AUDITOR, APPLICATION, "cockpit", Permissions.ACCESS);
		grants.grantGroup(Roles.AUDITOR, PROCESS_DEFINITION, all, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_TASK);
		grants.grantGroup(Roles.AUDITOR, PROCESS_INSTANCE, all, ProcessInstancePermissions.READ);
		grants.grantGroup(Roles.AUDITOR, TASK, all, TaskPermissions.READ);
		grants.grantGroup(Roles.AUDITOR, DEPLOYMENT, all, Permissions.READ);

		for (String group : GROUP_NAMES.keySet()) {
			grants.grantGroup(group, FILTER, all, Permissions.READ);
		}
		new TasklistFilters(engine.getFilterService(), engine.getTaskService()).createMissing();
	}

}
