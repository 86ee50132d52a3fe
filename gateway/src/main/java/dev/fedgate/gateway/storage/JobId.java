package dev.fedgate.gateway.storage;

/** A queued job's id, assigned by the store on enqueue; unique within one queue, never reused. */
public record JobId(long value) {}
