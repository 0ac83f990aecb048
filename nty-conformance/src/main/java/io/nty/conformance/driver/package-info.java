/**
 * The driver protocol ({@code docs/conformance-protocol.md}): scenarios in on a driver's stdin,
 * traces out on its stdout. {@link io.nty.conformance.driver.DriverScenarioRunner} is the suite's
 * side, for implementations in any language; {@link io.nty.conformance.driver.DriverServer} is a
 * driver for any in-process runner, nty's reference driver among them.
 */
package io.nty.conformance.driver;
