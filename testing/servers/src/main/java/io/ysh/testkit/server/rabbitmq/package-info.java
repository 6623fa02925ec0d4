/**
 * RabbitMQ nodes of a test's own ({@link io.ysh.testkit.server.rabbitmq.RabbitMqNode}): own node
 * name, ports, cookie and data, so a test can kill and restart a broker without touching the
 * machine's shared one.
 */
package io.ysh.testkit.server.rabbitmq;
