package io.regionplan.rules.fact;

import java.util.List;

/**
 * Several outcomes a rule inserts at once (a consequence may not loop over them): the
 * evaluation reports each of them as if the rule had inserted it on its own.
 */
public interface OutcomeGroup {

	List<? extends Outcome> outcomes();

}
