package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What counts as a written text, and which characters a form's text may hold: each case
 * by code point, so that what is tested is what is written here.
 */
class FormTextTests {

	/** The text of the code points given in hexadecimal. */
	private static String text(String codePoints) {
		StringBuilder text = new StringBuilder();
		for (String hex : codePoints.trim().split("\\s+")) {
			text.appendCodePoint(Integer.parseInt(hex, 16));
		}
		return text.toString();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "20", "A0", "3000", "200B", "2060 FEFF", "202E", "2800", "3164", "115F 1160", "FFA0",
			"0301", "0A 0D 09", "20 A0 200B 2800" })
	void spacesAndWhatIsDrawnAsNothingIsNotWritten(String codePoints) {
		assertThat(FormText.written(text(codePoints))).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "7406 7531", "41", "31", "3002", "2D", "FF01", "1F44D", "20AC", "A0 7406", "2800 41" })
	void aLetterDigitPunctuationOrSymbolIsWritten(String codePoints) {
		assertThat(FormText.written(text(codePoints))).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "7406 7531 3002 20 41 61 31 2D 28 29 20AC 1F44D", "65 0301", "A0 3000 41", "2800 41",
			"D55C 3164 AE00" })
	void printableTextIsAllowedInEitherField(String codePoints) {
		assertThat(FormText.refused(text(codePoints), false)).isNull();
		assertThat(FormText.refused(text(codePoints), true)).isNull();
	}

	@Test
	void lineBreaksAndTabsAreAllowedInATextAreaOnly() {
		String lines = text("41 0A 42 0D 0A 09 43");

		assertThat(FormText.refused(lines, true)).isNull();
		assertThat(FormText.refused(lines, false)).isEqualTo(new FormText.Refused(0x0A, 2));
	}

	@ParameterizedTest(name = "{0} at {1}")
	@CsvSource({ "41 202E 42, 202E, 2", "41 2066 42 2069, 2066, 2", "200E 41, 200E, 1", "41 200B, 200B, 2",
			"41 200D 42, 200D, 2", "FEFF 41, FEFF, 1", "41 2028 42, 2028, 2", "41 2029, 2029, 2", "41 00, 0, 2",
			"41 1B 5B 33 31 6D, 1B, 2", "41 7F, 7F, 2", "41 85, 85, 2", "41 E000, E000, 2", "41 D800 42, D800, 2",
			"1F44D 202E, 202E, 2", "41 0378, 378, 2" })
	void controlInvisibleUnpairedPrivateAndUnassignedCharactersAreRefusedWithWhere(String codePoints, String refused,
			int position) {
		FormText.Refused found = FormText.refused(text(codePoints), true);

		assertThat(found).isEqualTo(new FormText.Refused(Integer.parseInt(refused, 16), position));
		assertThat(found.code()).isEqualTo(String.format("U+%04X", Integer.parseInt(refused, 16)));
	}

}
