/**
 * The runnable jar's command line: verify a driver or a JVM provider and print the per-rule
 * report, or serve as a driver.
 */
package io.nty.conformance.cli;
