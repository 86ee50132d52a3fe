/** Backend-neutral helpers every storage backend shares: page cursors, stored JSON, host-health rules. */
package dev.fedgate.gateway.storage.support;
