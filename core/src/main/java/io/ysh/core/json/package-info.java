/** The SDK's Jackson preset: {@link io.ysh.core.json.Json}. */
package io.ysh.core.json;
