package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class CamundaIdentityAuthenticationProviderTests {

	private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

	private final CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identity,
			new LoginThrottle(
					new LoginThrottle.Settings(java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(60))));

	private Authentication login(String password) {
		return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("wang.east", password));
	}

	@Test
	void aSuccessfulLoginIsRememberedAndAWrongPasswordNever() {
		when(identity.checkPassword("wang.east", "demo")).thenReturn(true);
		when(identity.checkPassword("wang.east", "guess")).thenReturn(false);
		when(identity.createGroupQuery().groupMember(anyString()).list()).thenReturn(List.of());
		when(identity.createTenantQuery().userMember(anyString()).includingGroupsOfUser(true).list())
			.thenReturn(List.of());

		Authentication first = login("demo");
		Authentication second = login("demo");

		assertThat(second.getPrincipal()).isEqualTo(first.getPrincipal());
		verify(identity, times(1)).checkPassword("wang.east", "demo");
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> login("guess")).isInstanceOf(BadCredentialsException.class);
		}
		verify(identity, times(3)).checkPassword("wang.east", "guess");

		provider.forgetAll();
		login("demo");
		verify(identity, times(2)).checkPassword("wang.east", "demo");
	}

}
