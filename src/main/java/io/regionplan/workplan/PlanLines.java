package io.regionplan.workplan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Plans" of an OGSPM form: one dated action per line,
 * {@code action | owner | YYYY-MM-DD}.
 */
final class PlanLines {

	record Action(String action, String owner, LocalDate due) {
	}

	/** A line that is not an action, with its number (from 1) and the reason. */
	static final class Invalid extends IllegalArgumentException {

		Invalid(int line, String text) {
			super("第 " + line + " 行须为「行动 | 负责人 | YYYY-MM-DD」/ line " + line
					+ " must be 'action | owner | YYYY-MM-DD', got: " + text);
		}

	}

	private PlanLines() {
	}

	static List<Action> parse(String text) {
		List<Action> actions = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("[|｜]");
			if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
				throw new Invalid(i + 1, line);
			}
			try {
				actions.add(new Action(parts[0].strip(), parts[1].strip(), LocalDate.parse(parts[2].strip())));
			}
			catch (DateTimeParseException ex) {
				throw new Invalid(i + 1, line);
			}
		}
		return actions;
	}

}
