/**
 * Faults at the process and network level for tests: real gateway processes to stop, kill and restart
 * ({@link dev.fedgate.testkit.process.GatewayProcess}), and a loopback TCP proxy that cuts a connection as a database
 * restart would ({@link dev.fedgate.testkit.process.TcpProxy}).
 */
package dev.fedgate.testkit.process;
