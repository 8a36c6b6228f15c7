package io.regionplan.system;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A process instance belongs to the region named by its {@code region} variable: the
 * region is the instance's tenant, so its tasks, variables and history are visible only
 * to that region's members. A user may start an instance only for a region they belong
 * to; a sub-process inherits its parent's region.
 */
public class RegionTenantIdProvider implements TenantIdProvider {

	static final String REGION_VARIABLE = "region";

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
		if (ctx.getSuperExecution() != null) {
			return ctx.getSuperExecution().getTenantId();
		}
		Object region = ctx.getVariables().get(REGION_VARIABLE);
		if (region == null) {
			return null;
		}
		if (!(region instanceof String regionId) || regionId.isBlank()) {
			throw new NotARegion(region);
		}
		Authentication authentication = Context.getCommandContext().getAuthentication();
		if (authentication != null && !isMember(authentication.getTenantIds(), regionId)
				&& !authentication.getGroupIds().contains(Roles.ADMIN)) {
			throw new AuthorizationException("用户 " + authentication.getUserId() + " 不属于区域 " + regionId + " / user '"
					+ authentication.getUserId() + "' does not belong to region '" + regionId + "'");
		}
		return regionId;
	}

	/**
	 * A start whose {@code region} is no region id: the caller's mistake, answered with
	 * 400.
	 */
	static final class NotARegion extends ProcessEngineException implements InvalidInput {

		NotARegion(Object region) {
			super("字段 region：必须是区域编号 / field 'region' must be a region id, got: " + region);
		}

		@Override
		public String field() {
			return REGION_VARIABLE;
		}

	}

	private static boolean isMember(List<String> tenantIds, String regionId) {
		return tenantIds != null && tenantIds.contains(regionId);
	}

	@Override
	public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
		return null;
	}

	@Override
	public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
		return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
	}

}
