package dev.fedgate.gateway.storage;

/**
 * How much local content the gateway holds, as NodeInfo reports it: accounts, channels, live (not deleted) videos,
 * and visible comments written by local accounts.
 */
public record UsageCounts(long localAccounts, long localChannels, long localVideos, long localComments) {}
