/** A loopback receiver of the gateway's webhooks that checks their Standard Webhooks signatures. */
package dev.fedgate.testkit.webhooks;
