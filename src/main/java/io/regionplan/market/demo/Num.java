package io.regionplan.market.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting in the import format and the few bits of arithmetic the generator
 * shares. Formatting avoids {@code String.format}: the locale must never leak into a
 * file, and a million store rows should not pay for a format parser.
 */
final class Num {

	private Num() {
	}

	/** Two decimals, e.g. {@code 182000.50}. */
	static String money(double value) {
		long cents = Math.round(value * 100);
		long fraction = Math.abs(cents % 100);
		return (cents < 0 && cents > -100 ? "-" : "") + (cents / 100) + (fraction < 10 ? ".0" : ".") + fraction;
	}

	static String decimal(double value, int scale) {
		return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
	}

	static String whole(double value) {
		return Long.toString(Math.round(value));
	}

	/** {@code number} with leading zeros to at least {@code width} digits. */
	static String padded(long number, int width) {
		String digits = Long.toString(number);
		return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
	}

	/** A well-spread seed for the random stream of one row (SplitMix64 finaliser). */
	static long mix(long seed, long index) {
		long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * Splits {@code total} into {@code parts} nearly equal whole parts, the first ones
	 * one bigger.
	 */
	static int[] evenly(int total, int parts) {
		int[] split = new int[parts];
		for (int i = 0; i < parts; i++) {
			split[i] = total / parts + ((i < total % parts) ? 1 : 0);
		}
		return split;
	}

	/**
	 * Splits {@code total} into whole parts proportional to {@code weights}, each at
	 * least {@code minimum} (largest remainder), so counts always add up exactly.
	 */
	static int[] apportion(int total, double[] weights, int minimum) {
		int[] parts = new int[weights.length];
		int rest = total - minimum * weights.length;
		if (rest < 0) {
			throw new IllegalArgumentException(
					"cannot give " + minimum + " to each of " + weights.length + " out of " + total);
		}
		double sum = 0;
		for (double weight : weights) {
			sum += weight;
		}
		double[] remainders = new double[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = rest * weights[i] / sum;
			parts[i] = minimum + (int) Math.floor(exact);
			remainders[i] = exact - Math.floor(exact);
			given += parts[i] - minimum;
		}
		for (; given < rest; given++) {
			int largest = 0;
			for (int i = 1; i < remainders.length; i++) {
				if (remainders[i] > remainders[largest]) {
					largest = i;
				}
			}
			parts[largest]++;
			remainders[largest] = -1;
		}
		return parts;
	}

}
