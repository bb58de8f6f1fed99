package io.blisnative.workload;

import java.util.List;

/**
 * Per-client request rates from rate fractions, as BLIS's {@code normalizeRateFractions}: with
 * no active windows anywhere, fractions are normalised over all clients; otherwise each client's
 * fraction is normalised over the clients whose windows overlap its own (a client without a
 * window overlaps everyone). Summation order follows BLIS so the doubles are identical.
 */
final class RateFractions {
    private RateFractions() {
    }

    /** Rates in requests per µs, one per client, in client order. */
    static double[] normalize(List<ClientPlan> clients, double aggregateRatePerS) {
        double[] rates = new double[clients.size()];
        boolean anyWindow = clients.stream().anyMatch(c -> c.window() != null);
        if (!anyWindow) {
            double total = 0;
            for (ClientPlan c : clients) {
                total += c.rateFraction();
            }
            if (total == 0) {
                return rates;
            }
            for (int i = 0; i < rates.length; i++) {
                rates[i] = aggregateRatePerS * (clients.get(i).rateFraction() / total) / 1e6;
            }
            return rates;
        }
        for (int i = 0; i < rates.length; i++) {
            ClientPlan ci = clients.get(i);
            double coActive = 0;
            for (ClientPlan cj : clients) {
                if (overlap(ci.window(), cj.window())) {
                    coActive += cj.rateFraction();
                }
            }
            if (coActive > 0) {
                rates[i] = aggregateRatePerS * (ci.rateFraction() / coActive) / 1e6;
            }
        }
        return rates;
    }

    private static boolean overlap(ClientPlan.ActiveWindow a, ClientPlan.ActiveWindow b) {
        return a == null || b == null || a.overlaps(b);
    }
}
