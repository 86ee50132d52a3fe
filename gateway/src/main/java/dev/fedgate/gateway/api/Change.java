package dev.fedgate.gateway.api;

import dev.fedgate.gateway.storage.Stored;

/** What a Site API write did, and the resource as stored afterwards. */
public record Change<T>(boolean created, Stored<T> stored) {}
