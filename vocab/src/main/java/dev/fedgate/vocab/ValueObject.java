package dev.fedgate.vocab;

/**
 * A typed value embedded in an object and not addressed by id: what {@code tag}, {@code attachment}, {@code icon} and
 * {@code url} hold. Types we do not model stay {@link OtherValue} with their raw JSON.
 */
public sealed interface ValueObject
    permits Image, Link, Hashtag, Mention, Emoji, PropertyValue, SensitiveTag, Infohash, OtherValue {}
