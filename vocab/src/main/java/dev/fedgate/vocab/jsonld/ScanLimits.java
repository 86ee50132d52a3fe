package dev.fedgate.vocab.jsonld;

/** The bounds every document is checked against before any JSON-LD work is done on it. */
record ScanLimits(int maxDepth, int maxNodes, int maxContexts, int maxTermDefinitions, int maxContextNesting) {}
