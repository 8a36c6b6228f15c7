package io.regionplan.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Text variables of any length. The engine keeps a string variable in a column of 4,000
 * characters, so a longer one (the summaries of a region with many cities or dealers)
 * would fail the whole transaction. A string longer than that is kept as UTF-8 in the
 * engine's byte-array table instead and read back as the same string: forms, the REST API
 * and history see an ordinary String variable. Shorter strings are stored as before, so
 * they can still be queried by value.
 */
@Component
@Order(10)
public class LongTextVariables extends AbstractProcessEnginePlugin {

	/** The engine's text column, in characters (H2 and PostgreSQL count characters). */
	public static final int TEXT_COLUMN = 4000;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		register(configuration);
	}

	/** Puts the long-text serializer ahead of the engine's own string serializer. */
	@SuppressWarnings("rawtypes")
	public static void register(ProcessEngineConfigurationImpl configuration) {
		List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
		serializers.add(0, new LongTextSerializer());
		configuration.setCustomPreVariableSerializers(serializers);
	}

	/**
	 * Writes only strings over {@link #TEXT_COLUMN} characters; the engine chooses it by
	 * this and reads a stored value back through it by its name.
	 */
	static final class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

		static final String NAME = "regionplan-long-string";

		LongTextSerializer() {
			super(ValueType.STRING);
		}

		@Override
		public String getName() {
			return NAME;
		}

		@Override
		public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
			return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
		}

		@Override
		public StringValue readValue(ValueFields valueFields, boolean isTransient) {
			byte[] bytes = valueFields.getByteArrayValue();
			return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), isTransient);
		}

		@Override
		public void writeValue(StringValue value, ValueFields valueFields) {
			valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
		}

		@Override
		protected boolean canWriteValue(TypedValue value) {
			return value.getValue() instanceof String text && text.length() > TEXT_COLUMN;
		}

	}

}
