package io.blisnative.sim;

/** Lifecycle of a request inside one simulated server. */
public enum RequestState {
    /** Waiting in the queue (also after preemption). */
    QUEUED,
    /** Holds KV blocks in the running batch. */
    RUNNING,
    /** Produced its last token (or was length-capped). */
    COMPLETED,
    /** Cancelled by its client deadline. */
    TIMED_OUT,
    /** Refused at enqueue: it can never fit (max_model_len or KV capacity). */
    DROPPED
}
