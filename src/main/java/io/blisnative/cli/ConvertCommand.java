package io.blisnative.cli;

import io.blisnative.trace.ArrivalPattern;
import io.blisnative.trace.ConvertOptions;
import io.blisnative.trace.HeaderOverrides;
import io.blisnative.trace.SharedPrefixSource;
import io.blisnative.trace.SourceKind;
import io.blisnative.trace.Trace;
import io.blisnative.trace.TraceConversion;
import io.blisnative.trace.TraceFiles;
import io.blisnative.trace.TraceFormatException;
import io.blisnative.trace.TraceWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blis-native convert}: foreign measurement or trace formats to the canonical trace. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Converts an inference-perf experiment folder, a BLIS TraceV2 trace (header YAML + CSV)"
                + " or a vLLM benchmark result JSON into a canonical trace (docs/trace-format.md).",
            "The kind is detected from SOURCE; --from forces it. The output file is written whole or not at all."},
        footer = {"", "Examples:",
            "  blis-native convert ../shared/data/20260217-202857-llama-2-70b-tp4-general \\",
            "      --output traces/llama70b.jsonl",
            "  blis-native convert run.csv --model meta-llama/Llama-3.1-8B --tp 1 > run.jsonl",
            "", "Exit codes: 0 converted, 2 usage error, 3 malformed or incomplete input, invalid option value"
                + " or unwritable output."})
public final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "experiment folder, TraceV2 .csv/.yaml/folder, or vLLM result .json")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "output trace; - or absent: stdout")
    String output;

    @Option(names = "--from", paramLabel = "KIND", converter = KindConverter.class,
            description = "force the source kind: inference-perf, tracev2 or vllm-bench")
    SourceKind from;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--shared-prefix-from", paramLabel = "WHICH", defaultValue = "resolved",
            converter = SharedPrefixConverter.class,
            description = "inference-perf: expand the shared_prefix inference-perf ran (resolved, results/config.yaml)"
                    + " or the one profile.yaml asked for (profile); default: ${DEFAULT-VALUE}")
    SharedPrefixSource sharedPrefix;

    @Option(names = "--arrivals", paramLabel = "PATTERN", defaultValue = "exponential",
            converter = ArrivalConverter.class,
            description = "inference-perf constant stages: exponential (inference-perf's normalised exponential"
                    + " gaps) or fixed (every 1/rate); default: ${DEFAULT-VALUE}")
    ArrivalPattern arrivals;

    @Option(names = "--hardware", paramLabel = "GPU",
            description = "GPU name (default: H100, the GPU of all shipped data)")
    String hardware;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "model name or HuggingFace id, when the source lacks or misnames it")
    String model;

    @Option(names = "--tp", paramLabel = "N", description = "tensor-parallel degree")
    Integer tp;

    @Option(names = "--name", paramLabel = "NAME", description = "experiment name in tables")
    String name;

    @Option(names = "--workload", paramLabel = "NAME", description = "workload type for per-workload tables")
    String workload;

    @Option(names = "--max-num-seqs", paramLabel = "N", description = "vLLM max_num_seqs: requests per step")
    Integer maxNumSeqs;

    @Option(names = "--max-num-batched-tokens", paramLabel = "N", description = "vLLM token budget per step")
    Integer maxNumBatchedTokens;

    @Option(names = "--max-model-len", paramLabel = "N", description = "context limit in tokens")
    Integer maxModelLen;

    @Option(names = "--block-size", paramLabel = "N", description = "KV block size in tokens")
    Integer blockSize;

    @Option(names = "--prefix-caching", arity = "1", paramLabel = "true|false",
            description = "automatic prefix caching")
    Boolean prefixCaching;

    @Option(names = "--chunked-prefill", arity = "1", paramLabel = "true|false", description = "chunked prefill")
    Boolean chunkedPrefill;

    @Option(names = "--gpu-memory-utilization", paramLabel = "F", description = "fraction of GPU memory vLLM may use")
    Double gpuMemoryUtilization;

    @Option(names = "--total-kv-blocks", paramLabel = "N", description = "GPU KV blocks, when known")
    Long totalKvBlocks;

    @Option(names = "--cpu-kv-blocks", paramLabel = "N", description = "CPU offload KV blocks")
    Long cpuKvBlocks;

    @Option(names = "--source-ref", paramLabel = "REF", description = "upstream location for provenance,"
            + " e.g. owner/repo@commit:path")
    String sourceRef;

    @Option(names = "--note", paramLabel = "TEXT", description = "extra provenance note (repeatable)")
    List<String> notes = new ArrayList<>();

    @Override
    public Integer call() {
        Trace trace;
        try {
            trace = TraceConversion.convert(source, from, options());
        } catch (TraceFormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (output == null || "-".equals(output)) {
            TraceWriter w = new TraceWriter(spec.commandLine().getOut());
            w.write(trace);
            w.flush();
        } else {
            TraceFiles.writeAtomically(trace, Path.of(output));
            PrintWriter err = spec.commandLine().getErr();
            err.println("wrote " + trace.requests().size() + " requests to " + output);
            err.flush();
        }
        return ExitCodes.OK;
    }

    private ConvertOptions options() {
        HeaderOverrides overrides = new HeaderOverrides(name, workload, model, hardware, tp, maxNumSeqs,
                maxNumBatchedTokens, maxModelLen, blockSize, prefixCaching, chunkedPrefill, gpuMemoryUtilization,
                totalKvBlocks, cpuKvBlocks);
        return new ConvertOptions(seed, sharedPrefix, arrivals, sourceRef, notes, overrides);
    }

    static final class KindConverter implements ITypeConverter<SourceKind> {
        @Override
        public SourceKind convert(String value) {
            return SourceKind.fromId(value);
        }
    }

    static final class SharedPrefixConverter implements ITypeConverter<SharedPrefixSource> {
        @Override
        public SharedPrefixSource convert(String value) {
            for (SharedPrefixSource s : SharedPrefixSource.values()) {
                if (s.id().equals(value)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("expected resolved or profile, got '" + value + "'");
        }
    }

    static final class ArrivalConverter implements ITypeConverter<ArrivalPattern> {
        @Override
        public ArrivalPattern convert(String value) {
            for (ArrivalPattern p : ArrivalPattern.values()) {
                if (p.id().equals(value)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("expected exponential or fixed, got '" + value + "'");
        }
    }
}
