/**
 * The fact types: the contract between rule files and code. A rule may use only these
 * types and java.lang, java.math and java.util.
 */
@org.springframework.modulith.NamedInterface("fact")
package io.regionplan.rules.fact;
