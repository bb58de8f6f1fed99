package io.blisnative.trace;

import java.util.Locale;

/**
 * The shared_prefix data settings of an inference-perf run.
 *
 * @param groups          number of distinct system prompts (inference-perf {@code num_groups} /
 *                        {@code num_unique_system_prompts})
 * @param promptsPerGroup prompts (single turn) or users (multi turn) per system prompt
 *                        ({@code num_prompts_per_group} / {@code num_users_per_system_prompt})
 * @param systemPromptLen system prompt length in tokens
 * @param questionLen     question length in tokens
 * @param outputLen       output length in tokens (exact: the runs set ignore_eos)
 * @param multiTurn       {@code enable_multi_turn_chat}
 */
record SharedPrefixPlan(int groups, int promptsPerGroup, int systemPromptLen, int questionLen, int outputLen,
        boolean multiTurn) {

    SharedPrefixPlan {
        InvalidFieldException.requireAtLeast(groups, 1, "shared_prefix.num_groups");
        InvalidFieldException.requireAtLeast(promptsPerGroup, 1, "shared_prefix.num_prompts_per_group");
        InvalidFieldException.requireAtLeast(systemPromptLen, 0, "shared_prefix.system_prompt_len");
        InvalidFieldException.requireAtLeast(questionLen, 0, "shared_prefix.question_len");
        InvalidFieldException.requireAtLeast(outputLen, 0, "shared_prefix.output_len");
    }

    /**
     * Reads a shared_prefix mapping. Accepts both key spellings inference-perf has used; keys that
     * are absent take inference-perf's defaults (10 groups, 10 per group, 100/50/50 tokens, single turn),
     * as its configuration model does.
     */
    static SharedPrefixPlan read(SourceDocument doc, String path) {
        int groups = firstInt(doc, path, 10, "num_groups", "num_unique_system_prompts");
        int perGroup = firstInt(doc, path, 10, "num_prompts_per_group", "num_users_per_system_prompt");
        Integer sys = doc.optionalInteger(path + ".system_prompt_len");
        Integer q = doc.optionalInteger(path + ".question_len");
        Integer out = doc.optionalInteger(path + ".output_len");
        boolean multi = doc.bool(path + ".enable_multi_turn_chat", false);
        return new SharedPrefixPlan(groups, perGroup, sys == null ? 100 : sys, q == null ? 50 : q,
                out == null ? 50 : out, multi);
    }

    private static int firstInt(SourceDocument doc, String path, int fallback, String... keys) {
        for (String key : keys) {
            Integer v = doc.optionalInteger(path + "." + key);
            if (v != null) {
                return v;
            }
        }
        return fallback;
    }

    /** Number of distinct prompts (single turn) or users (multi turn). */
    int population() {
        return groups * promptsPerGroup;
    }

    /** Short description for provenance notes. */
    String describe() {
        return String.format(Locale.ROOT, "%d groups x %d %s, system_prompt_len %d, question_len %d, output_len %d, %s",
                groups, promptsPerGroup, multiTurn ? "users" : "prompts", systemPromptLen, questionLen, outputLen,
                multiTurn ? "multi-turn" : "single-turn");
    }
}
