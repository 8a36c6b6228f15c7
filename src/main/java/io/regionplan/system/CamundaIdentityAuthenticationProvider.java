package io.regionplan.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, so that the REST APIs and the
 * webapps share one set of users, groups and regions. Camunda's own login throttling applies.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
		}
		List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
				.map(Group::getId).toList();
		List<String> regions = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
				.list().stream().map(Tenant::getId).toList();
		RegionPlanUser user = new RegionPlanUser(userId, groups, regions);
		List<SimpleGrantedAuthority> authorities = groups.stream().map(SimpleGrantedAuthority::new).toList();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
