package io.regionplan.engine;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The process variables a delegate or rule-set binding reads and sets, so that the
 * process files can be checked against the code before they go live: every variable read
 * must be written by a form, the start form, another task of the process or the process
 * that calls it.
 */
public interface VariableContract {

	/**
	 * The variables it reads (required or optional) that something before it must be able
	 * to write.
	 */
	default Set<String> reads() {
		return Set.of();
	}

	/** The variables it sets, for the gateways, forms and tasks after it. */
	default Set<String> writes() {
		return Set.of();
	}

	/** Names from a list and more from a constant. */
	static Set<String> union(Set<String> names, Collection<String> more) {
		Set<String> all = new TreeSet<>(names);
		all.addAll(more);
		return Set.copyOf(all);
	}

}
