package io.regionplan.system;

/**
 * A setting that would make a production installation unsafe; startup stops with its
 * message.
 */
public class UnsafeConfigurationException extends RuntimeException {

	private final String action;

	public UnsafeConfigurationException(String message, String action) {
		super(message);
		this.action = action;
	}

	public String action() {
		return action;
	}

}
