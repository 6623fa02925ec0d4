/**
 * The Spring Boot sample: a solar quote-to-cash service wired only by {@code application.yml}
 * through {@code ysh-spring-boot-starter}. Not published.
 */
package io.ysh.examples.spring;
