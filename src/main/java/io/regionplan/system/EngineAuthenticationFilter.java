package io.regionplan.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated caller to the engine for the length of the request, so that
 * Camunda's authorization and tenant checks (which run only for an authenticated user)
 * apply to every call.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	EngineAuthenticationFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof RegionPlanUser user)) {
			chain.doFilter(request, response);
			return;
		}
		identityService.setAuthentication(user.id(), user.groupIds(), user.regionIds());
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
