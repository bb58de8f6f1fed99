package io.blisnative.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Copies metric maps into immutable enum-ordered maps, so output follows {@link MetricKind} order. */
final class Metrics {

    private Metrics() {
    }

    static Map<MetricKind, MetricError> immutableCopy(String field, Map<MetricKind, MetricError> metrics) {
        if (metrics == null) {
            throw new IllegalArgumentException(field + " must be non-null");
        }
        EnumMap<MetricKind, MetricError> copy = new EnumMap<>(MetricKind.class);
        for (Map.Entry<MetricKind, MetricError> e : metrics.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException(field + " must not hold null keys or values");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
