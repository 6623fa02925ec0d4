/** JMH benchmarks of the Asaas client against raw OkHttp + Jackson on the same local server. */
package io.ysh.benchmarks.asaas;
