/** JMH benchmarks of core: JSON preset, CPF/CNPJ validation, invoker overhead. */
package io.ysh.benchmarks.core;
