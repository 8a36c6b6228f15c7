package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The delays of {@link LoginThrottle} on a clock the test moves. */
class LoginThrottleTests {

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginThrottle.Settings(Duration.ofSeconds(3), Duration.ofSeconds(60)), now::get);

	private void wait(Duration duration) {
		now.addAndGet(duration.toMillis());
	}

	@Test
	void aWrongPasswordDelaysThatUserFromThatAddressOnly() {
		throttle.failed("demo", "10.0.0.66");

		assertThat(throttle.waiting("demo", "10.0.0.66")).hasValue(Duration.ofSeconds(3));
		assertThat(throttle.waiting("demo", "10.0.0.7")).as("the admin at another address").isEmpty();
		assertThat(throttle.waiting("wang.east", "10.0.0.66")).as("another user at that address").isEmpty();
	}

	@Test
	void theDelayDoublesUpToAMinuteAndEndsWithTheRightPassword() {
		List<Long> delays = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			throttle.failed("wang.east", "10.0.0.66");
			Duration delay = throttle.waiting("wang.east", "10.0.0.66").orElseThrow();
			delays.add(delay.toSeconds());
			wait(delay.minusMillis(1));
			assertThat(throttle.waiting("wang.east", "10.0.0.66")).as("a millisecond before")
				.hasValue(Duration.ofMillis(1));
			wait(Duration.ofMillis(1));
			assertThat(throttle.waiting("wang.east", "10.0.0.66")).as("once the delay has passed").isEmpty();
		}

		assertThat(delays).containsExactly(3L, 6L, 12L, 24L, 48L, 60L, 60L, 60L);
		throttle.succeeded("wang.east", "10.0.0.66");
		throttle.failed("wang.east", "10.0.0.66");
		assertThat(throttle.waiting("wang.east", "10.0.0.66")).as("afresh after the right password")
			.hasValue(Duration.ofSeconds(3));
	}

	@Test
	void noNumberOfWrongPasswordsLocksAUserForGood() {
		for (int i = 0; i < 1000; i++) {
			throttle.failed("demo", "10.0.0.66");
		}

		assertThat(throttle.waiting("demo", "10.0.0.66")).hasValue(Duration.ofSeconds(60));
		wait(Duration.ofSeconds(60));
		assertThat(throttle.waiting("demo", "10.0.0.66")).isEmpty();
	}

	@Test
	void wrongPasswordsAnHourApartStartAfresh() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("li.south", "10.0.0.8");
		}
		wait(LoginThrottle.FORGET_AFTER.plusSeconds(1));

		throttle.failed("li.south", "10.0.0.8");

		assertThat(throttle.waiting("li.south", "10.0.0.8")).hasValue(Duration.ofSeconds(3));
	}

	@Test
	void aClockSetBackNeverMakesAnybodyWaitLongerThanAMinute() {
		now.set(10_000_000_000L);
		throttle.failed("demo", "10.0.0.66");
		now.set(1_000_000);

		assertThat(throttle.waiting("demo", "10.0.0.66")).hasValue(Duration.ofSeconds(60));
	}

	@Test
	void theLeastRecentlyTriedPairsAreForgottenFirst() {
		throttle.failed("demo", "10.0.0.66");
		for (int i = 0; i < LoginThrottle.MAX_KEYS; i++) {
			throttle.failed("user" + i, "10.0.0.99");
			if (i % 1000 == 0) {
				throttle.waiting("demo", "10.0.0.66");
			}
		}

		assertThat(throttle.waiting("demo", "10.0.0.66")).as("tried again meanwhile: kept").isPresent();
		assertThat(throttle.waiting("user0", "10.0.0.99")).as("the oldest: forgotten").isEmpty();
	}

}
