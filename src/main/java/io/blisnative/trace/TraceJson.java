package io.blisnative.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one JSON mapper of the trace format: snake_case names; strict reading (unknown fields, wrong
 * types, duplicate keys, numbers given as strings and fractions for integers are errors); nulls
 * omitted on writing; doubles written with at most six decimals from their exact binary value, so
 * the same numbers give the same bytes on every JDK.
 */
final class TraceJson {

    /** Decimals kept for floating-point fields: ns resolution for ms figures. */
    static final int DOUBLE_SCALE = 6;

    static final ObjectMapper MAPPER = build();

    private TraceJson() {
    }

    private static ObjectMapper build() {
        SimpleModule doubles = new SimpleModule("trace-doubles");
        doubles.addSerializer(Double.class, new FixedDoubleSerializer(Double.class));
        doubles.addSerializer(double.class, new FixedDoubleSerializer(double.class));
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(doubles)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Formats a double the way the trace writer does (≤ 6 decimals, no trailing zeros). */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write non-finite number " + value);
        }
        BigDecimal exact = new BigDecimal(value).setScale(DOUBLE_SCALE, RoundingMode.HALF_EVEN);
        String text = exact.stripTrailingZeros().toPlainString();
        return "-0".equals(text) ? "0" : text;
    }

    /**
     * Turns a Jackson failure into a one-line {@link TraceFormatException} naming the field.
     */
    static TraceFormatException toFormatException(String file, long line, JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (e instanceof ValueInstantiationException && cause instanceof InvalidFieldException ife) {
            return new TraceFormatException(file, line, ife.field(), ife.detail(), e);
        }
        String field = e instanceof JsonMappingException jme ? pathOf(jme) : null;
        String detail = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            detail = "truncated line: " + detail;
        }
        return new TraceFormatException(file, line, field, simplify(detail), e);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String simplify(String detail) {
        String one = TraceFormatException.oneLine(detail);
        // Jackson appends a hint about the Java type and enabling features; the field and value suffice.
        int hint = one.indexOf(" (for ");
        return hint > 0 ? one.substring(0, hint) : one;
    }

    private static final class FixedDoubleSerializer extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings({"unchecked", "rawtypes"})
        FixedDoubleSerializer(Class<?> type) {
            super((Class) type);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(format(value));
        }
    }
}
