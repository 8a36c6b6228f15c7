package io.regionplan.system;

/**
 * The Camunda groups that stand for the roles of DOMAIN.md. Group ids are used as
 * candidate groups in the BPMN files, so they are part of the contract with process
 * owners.
 */
public final class Roles {

	public static final String REGIONAL_MANAGER = "regional-manager";

	public static final String SALES_DIRECTOR = "sales-director";

	public static final String PROCESS_OWNER = "process-owner";

	public static final String AUDITOR = "auditor";

	public static final String ADMIN = "camunda-admin";

	private Roles() {
	}

}
