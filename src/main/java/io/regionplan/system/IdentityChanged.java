package io.regionplan.system;

/**
 * Users, groups, regions or memberships changed: remembered logins must be looked up
 * again.
 */
public record IdentityChanged(String what) {
}
