package io.blisnative.sim;

/**
 * vLLM priority of an SLO class (lower runs first), as BLIS maps its classes: critical 4,
 * standard 3 (also unknown or empty), batch -1, sheddable -2, background -3, inverted against
 * the highest (4).
 */
final class SloPriority {
    private static final int MAX = 4;

    private SloPriority() {
    }

    static int forVllm(String sloClass) {
        int p = switch (sloClass) {
            case "critical" -> 4;
            case "batch" -> -1;
            case "sheddable" -> -2;
            case "background" -> -3;
            default -> 3;
        };
        return MAX - p;
    }
}
