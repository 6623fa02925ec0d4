/**
 * Telemetry hooks called around every portable operation, with SLF4J, Micrometer and
 * OpenTelemetry implementations (the last two only when their libraries are present).
 */
package io.ysh.core.telemetry;
