package io.blisnative.sim;

/** Which running request is evicted when the KV cache cannot fit the next tokens. */
public enum PreemptionPolicy {
    /** The most recently admitted request (tail of the running batch), as vLLM does. */
    FCFS,
    /** The least urgent request, latest arrival among equals. */
    PRIORITY;

    public static PreemptionPolicy parse(String name) {
        return switch (name) {
            case "fcfs" -> FCFS;
            case "priority" -> PRIORITY;
            default -> throw new IllegalArgumentException(
                    "unknown preemption policy '" + name + "' (expected fcfs or priority)");
        };
    }
}
