/**
 * {@link io.ysh.testkit.aneel.AneelSimulator}: an in-process look-alike of ANEEL's CKAN open-data
 * portal for tests, with fault injection.
 */
package io.ysh.testkit.aneel;
