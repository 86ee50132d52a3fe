package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A context document we ship, the terms it defines (flattened, including the contexts it names), and where its text
 * comes from.
 */
record BundledContext(String name, JsonNode document, ContextLayer terms, String source) {}
