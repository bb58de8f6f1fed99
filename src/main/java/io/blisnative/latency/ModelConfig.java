package io.blisnative.latency;

/**
 * Architecture figures of one transformer model, as the latency models and the KV-capacity
 * calculation need them. Built from a HuggingFace {@code config.json} by {@link ModelConfigs}
 * or from the product catalog by {@link Catalog}; tests build it with {@link #builder()}.
 *
 * <p>Zero means "not set" for the optional dimensions: {@code intermediateDim} 0 makes the
 * roofline use 4·hidden, {@code headDim} 0 means hidden/heads, {@code weightBytesPerParam} 0
 * means weights are stored at {@code bytesPerParam}, {@code maxModelLen} 0 means unknown.
 *
 * @param numLayers              transformer layers L (HF num_hidden_layers), &gt; 0
 * @param hiddenDim              model width d (hidden_size), &gt; 0
 * @param numHeads               attention heads H, &gt; 0
 * @param numKvHeads             key/value heads (already defaulted to H when the config has none), &gt; 0
 * @param intermediateDim        dense MLP width I (intermediate_size), ≥ 0
 * @param vocabSize              vocabulary size V, ≥ 0
 * @param bytesPerParam          compute/activation/KV dtype width in bytes (bfloat16 → 2), &gt; 0
 * @param weightBytesPerParam    quantized weight width in bytes (W4A16 → 0.5), 0 = same as bytesPerParam
 * @param headDim                explicit head_dim, 0 = hidden/heads (used for KV capacity only)
 * @param numExperts             routed experts E; 0 = dense, otherwise ≥ 2
 * @param numExpertsPerTok       experts activated per token k (1..E for MoE, 0 for dense)
 * @param moeExpertFfnDim        per-expert MLP width (moe_intermediate_size), 0 = use intermediateDim
 * @param sharedExpertFfnDim     total shared-expert MLP width, 0 = none (MoE only)
 * @param interleaveMoeLayerStep every (step+1)-th layer is MoE when &gt; 0 (Llama-4 Scout style)
 * @param denseIntermediateDim   dense-layer MLP width of hybrid MoE models, 0 = use intermediateDim
 * @param firstKDenseReplace     leading dense layers of an MoE model (capacity only)
 * @param kvLoraRank             MLA compressed-KV rank, 0 = not MLA
 * @param qkRopeHeadDim          MLA decoupled rope key width
 * @param hiddenAct              activation name ("" when the config has none)
 * @param tieWordEmbeddings      true when lm_head shares the embedding matrix
 * @param maxModelLen            context length derived from max_position_embeddings and rope scaling, 0 = unknown
 */
public record ModelConfig(
        int numLayers,
        int hiddenDim,
        int numHeads,
        int numKvHeads,
        int intermediateDim,
        int vocabSize,
        double bytesPerParam,
        double weightBytesPerParam,
        int headDim,
        int numExperts,
        int numExpertsPerTok,
        int moeExpertFfnDim,
        int sharedExpertFfnDim,
        int interleaveMoeLayerStep,
        int denseIntermediateDim,
        int firstKDenseReplace,
        int kvLoraRank,
        int qkRopeHeadDim,
        String hiddenAct,
        boolean tieWordEmbeddings,
        long maxModelLen) {

    /** Fewest routed experts that make a model mixture-of-experts (BLIS MoEMinExperts). */
    public static final int MOE_MIN_EXPERTS = 2;

    public ModelConfig {
        positive("numLayers", numLayers);
        positive("hiddenDim", hiddenDim);
        positive("numHeads", numHeads);
        positive("numKvHeads", numKvHeads);
        nonNegative("intermediateDim", intermediateDim);
        nonNegative("vocabSize", vocabSize);
        nonNegative("headDim", headDim);
        nonNegative("numExperts", numExperts);
        nonNegative("numExpertsPerTok", numExpertsPerTok);
        nonNegative("moeExpertFfnDim", moeExpertFfnDim);
        nonNegative("sharedExpertFfnDim", sharedExpertFfnDim);
        nonNegative("interleaveMoeLayerStep", interleaveMoeLayerStep);
        nonNegative("denseIntermediateDim", denseIntermediateDim);
        nonNegative("firstKDenseReplace", firstKDenseReplace);
        nonNegative("kvLoraRank", kvLoraRank);
        nonNegative("qkRopeHeadDim", qkRopeHeadDim);
        if (!(bytesPerParam > 0) || Double.isInfinite(bytesPerParam)) {
            throw new IllegalArgumentException("bytesPerParam must be a finite number > 0, got " + bytesPerParam);
        }
        if (!(weightBytesPerParam >= 0) || Double.isInfinite(weightBytesPerParam)) {
            throw new IllegalArgumentException(
                    "weightBytesPerParam must be a finite number >= 0 (0 = unset), got " + weightBytesPerParam);
        }
        if (hiddenAct == null) {
            throw new IllegalArgumentException("hiddenAct must not be null (use \"\" when unknown)");
        }
        if (maxModelLen < 0) {
            throw new IllegalArgumentException("maxModelLen must be >= 0, got " + maxModelLen);
        }
        checkExperts(numExperts, numExpertsPerTok, sharedExpertFfnDim);
    }

    private static void checkExperts(int numExperts, int numExpertsPerTok, int sharedExpertFfnDim) {
        if (numExperts == 1) {
            throw new IllegalArgumentException("numExperts must be 0 (dense) or >= 2, got 1");
        }
        if (numExperts >= MOE_MIN_EXPERTS && (numExpertsPerTok < 1 || numExpertsPerTok > numExperts)) {
            throw new IllegalArgumentException("numExpertsPerTok must be in [1, numExperts=" + numExperts
                    + "] for an MoE model, got " + numExpertsPerTok);
        }
        if (numExperts == 0 && numExpertsPerTok > 0) {
            throw new IllegalArgumentException("numExpertsPerTok=" + numExpertsPerTok
                    + " but numExperts is 0: an MoE model needs its total expert count");
        }
        if (numExperts == 0 && sharedExpertFfnDim > 0) {
            throw new IllegalArgumentException("sharedExpertFfnDim=" + sharedExpertFfnDim
                    + " but numExperts is 0: an MoE model needs its total expert count");
        }
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }

    private static void nonNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
    }

    /** True for mixture-of-experts models (numExperts ≥ 2). */
    public boolean isMoe() {
        return numExperts >= MOE_MIN_EXPERTS;
    }

    /** True for multi-head latent attention models (kvLoraRank &gt; 0). */
    public boolean isMla() {
        return kvLoraRank > 0;
    }

    /** Weight width in bytes: the quantized width when set, else the dtype width. */
    public double effectiveWeightBytesPerParam() {
        return weightBytesPerParam > 0 ? weightBytesPerParam : bytesPerParam;
    }

    /** Head dimension for KV capacity: explicit head_dim when set, else hidden/heads (integer division). */
    public int effectiveHeadDim() {
        return headDim > 0 ? headDim : hiddenDim / numHeads;
    }

    /**
     * MoE layers as the step-time models count them: L/(step+1) when interleaved, L for
     * uniform MoE, 0 for dense. (first_k_dense_replace is not consulted here, as in BLIS.)
     */
    public int numMoeLayers() {
        if (!isMoe()) {
            return 0;
        }
        return interleaveMoeLayerStep > 0 ? numLayers / (interleaveMoeLayerStep + 1) : numLayers;
    }

    /** Dense layers as the step-time models count them: L minus {@link #numMoeLayers()}. */
    public int numDenseLayers() {
        return numLayers - numMoeLayers();
    }

    /** True when MoE and dense layers alternate (interleave step &gt; 0 on an MoE model). */
    public boolean hasInterleavedMoe() {
        return isMoe() && interleaveMoeLayerStep > 0;
    }

    /** A builder starting from an all-unset model; layers, hidden, heads and dtype must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this model's figures, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable helper for building a {@link ModelConfig}; kvHeads defaults to heads. */
    public static final class Builder {
        private int numLayers;
        private int hiddenDim;
        private int numHeads;
        private int numKvHeads;
        private int intermediateDim;
        private int vocabSize;
        private double bytesPerParam;
        private double weightBytesPerParam;
        private int headDim;
        private int numExperts;
        private int numExpertsPerTok;
        private int moeExpertFfnDim;
        private int sharedExpertFfnDim;
        private int interleaveMoeLayerStep;
        private int denseIntermediateDim;
        private int firstKDenseReplace;
        private int kvLoraRank;
        private int qkRopeHeadDim;
        private String hiddenAct = "";
        private boolean tieWordEmbeddings;
        private long maxModelLen;

        private Builder() {
        }

        private Builder(ModelConfig m) {
            numLayers = m.numLayers;
            hiddenDim = m.hiddenDim;
            numHeads = m.numHeads;
            numKvHeads = m.numKvHeads;
            intermediateDim = m.intermediateDim;
            vocabSize = m.vocabSize;
            bytesPerParam = m.bytesPerParam;
            weightBytesPerParam = m.weightBytesPerParam;
            headDim = m.headDim;
            numExperts = m.numExperts;
            numExpertsPerTok = m.numExpertsPerTok;
            moeExpertFfnDim = m.moeExpertFfnDim;
            sharedExpertFfnDim = m.sharedExpertFfnDim;
            interleaveMoeLayerStep = m.interleaveMoeLayerStep;
            denseIntermediateDim = m.denseIntermediateDim;
            firstKDenseReplace = m.firstKDenseReplace;
            kvLoraRank = m.kvLoraRank;
            qkRopeHeadDim = m.qkRopeHeadDim;
            hiddenAct = m.hiddenAct;
            tieWordEmbeddings = m.tieWordEmbeddings;
            maxModelLen = m.maxModelLen;
        }

        /** Layers, width, heads and KV heads in one call. */
        public Builder shape(int layers, int hidden, int heads, int kvHeads) {
            this.numLayers = layers;
            this.hiddenDim = hidden;
            this.numHeads = heads;
            this.numKvHeads = kvHeads;
            return this;
        }

        public Builder intermediateDim(int v) {
            intermediateDim = v;
            return this;
        }

        public Builder vocabSize(int v) {
            vocabSize = v;
            return this;
        }

        public Builder bytesPerParam(double v) {
            bytesPerParam = v;
            return this;
        }

        public Builder weightBytesPerParam(double v) {
            weightBytesPerParam = v;
            return this;
        }

        public Builder headDim(int v) {
            headDim = v;
            return this;
        }

        /** Routed experts, experts per token, per-expert width and total shared-expert width. */
        public Builder moe(int experts, int perToken, int expertFfnDim, int sharedFfnDim) {
            numExperts = experts;
            numExpertsPerTok = perToken;
            moeExpertFfnDim = expertFfnDim;
            sharedExpertFfnDim = sharedFfnDim;
            return this;
        }

        /** Interleave step and the dense layers' MLP width of a hybrid MoE model. */
        public Builder interleave(int step, int denseFfnDim) {
            interleaveMoeLayerStep = step;
            denseIntermediateDim = denseFfnDim;
            return this;
        }

        public Builder firstKDenseReplace(int v) {
            firstKDenseReplace = v;
            return this;
        }

        /** MLA latent: compressed-KV rank and decoupled rope key width. */
        public Builder mla(int rank, int ropeHeadDim) {
            kvLoraRank = rank;
            qkRopeHeadDim = ropeHeadDim;
            return this;
        }

        public Builder hiddenAct(String v) {
            hiddenAct = v;
            return this;
        }

        public Builder tieWordEmbeddings(boolean v) {
            tieWordEmbeddings = v;
            return this;
        }

        public Builder maxModelLen(long v) {
            maxModelLen = v;
            return this;
        }

        /** Validates and builds; a KV-head count of 0 means "same as heads". */
        public ModelConfig build() {
            return new ModelConfig(numLayers, hiddenDim, numHeads, numKvHeads == 0 ? numHeads : numKvHeads,
                    intermediateDim, vocabSize, bytesPerParam, weightBytesPerParam, headDim, numExperts,
                    numExpertsPerTok, moeExpertFfnDim, sharedExpertFfnDim, interleaveMoeLayerStep,
                    denseIntermediateDim, firstKDenseReplace, kvLoraRank, qkRopeHeadDim, hiddenAct,
                    tieWordEmbeddings, maxModelLen);
        }
    }
}
