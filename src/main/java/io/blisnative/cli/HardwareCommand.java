package io.blisnative.cli;

import io.blisnative.latency.Catalog;
import io.blisnative.latency.CatalogGpu;
import io.blisnative.latency.HardwareConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code hardware}: the bundled catalog's GPUs with their figures and where each comes from. */
@Command(name = "hardware", mixinStandardHelpOptions = true,
        description = {"List the bundled GPUs: peak TFLOP/s (BF16, FP8), HBM bandwidth, roofline MFUs, memory,",
            "bandwidth efficiency (roofline-v2) and the source of each figure."})
public final class HardwareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogListing listing;

    @Override
    public Integer call() throws Exception {
        return listing.print(spec, HardwareCommand::catalogJson, HardwareCommand::printTable);
    }

    private static Map<String, Object> catalogJson(Catalog catalog) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("gpus", catalog.gpus().values().stream().map(HardwareCommand::gpuJson).toList());
        return doc;
    }

    private static void printTable(PrintWriter out, Catalog catalog) {
        TextTable table = new TextTable("GPU", ">TFLOPS BF16", ">TFLOPS FP8", ">BW TB/s", ">MFU PREFILL", ">MFU DECODE",
                ">MEMORY GiB", ">BW EFFICIENCY");
        for (CatalogGpu g : catalog.gpus().values()) {
            HardwareConfig h = g.config();
            table.add(g.name(), TextTable.number(h.tFlopsPeak()), TextTable.number(h.tFlopsFp8()),
                    TextTable.number(h.bwPeakTBs()), TextTable.number(h.mfuPrefill()), TextTable.number(h.mfuDecode()),
                    TextTable.number(h.memoryGiB()), TextTable.number(g.bandwidthEfficiency()));
        }
        table.print(out);
        out.println();
        out.println("Sources:");
        for (CatalogGpu g : catalog.gpus().values()) {
            out.println("  " + g.name() + ": " + g.source());
            out.println("  " + g.name() + " bandwidth efficiency: "
                    + (g.bandwidthEfficiencySource() != null ? g.bandwidthEfficiencySource() : "no figure, peak bandwidth (1)"));
        }
    }

    private static Map<String, Object> gpuJson(CatalogGpu g) {
        HardwareConfig h = g.config();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", g.name());
        j.put("tflops_peak", h.tFlopsPeak());
        j.put("tflops_fp8", h.tFlopsFp8());
        j.put("bw_peak_tbs", h.bwPeakTBs());
        j.put("mfu_prefill", h.mfuPrefill());
        j.put("mfu_decode", h.mfuDecode());
        j.put("memory_gib", h.memoryGiB());
        j.put("bandwidth_efficiency", g.bandwidthEfficiency());
        j.put("source", g.source());
        j.put("bandwidth_efficiency_source", g.bandwidthEfficiencySource());
        return j;
    }
}
