package dev.fedgate.signatures;

/** Outcome of parsing signature headers: a {@link ParsedSignature} to look the key up for, or a {@link Rejected}. */
public sealed interface ParseResult permits ParsedSignature, Rejected {}
