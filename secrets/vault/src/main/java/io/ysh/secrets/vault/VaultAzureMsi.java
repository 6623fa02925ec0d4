package io.ysh.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The body of Vault's Azure auth login ({@code POST auth/<path>/login}, per Vault's API
 * documentation): {@code role}, {@code jwt} (a managed identity's access token for the resource
 * Vault's Azure auth config names) and the machine's {@code subscription_id}, {@code
 * resource_group_name} and {@code vm_name} or {@code vmss_name}, all read from the Azure Instance
 * Metadata Service (IMDS) of the VM or scale set the code runs on. The Vault Java driver has no
 * Azure method; this needs nothing beyond the JDK.
 */
final class VaultAzureMsi {

  /** Azure's Instance Metadata Service, reachable from VMs and scale sets only. */
  static final String IMDS = "http://169.254.169.254";

  private final String resource;
  private final String clientId;
  private final String imds;
  private final Duration timeout;
  private final HttpClient http;

  VaultAzureMsi(String resource, String clientId, String imds, Duration timeout) {
    this.resource = resource;
    this.clientId = clientId;
    this.imds = imds;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The login body, with a fresh token (IMDS caches and refreshes it), held as a {@link Secret}. */
  Secret loginBody(String role) {
    JsonNode token = get("/metadata/identity/oauth2/token?api-version=2018-02-01&resource=" + encode(resource)
        + (clientId == null ? "" : "&client_id=" + encode(clientId)), "a managed identity token");
    String jwt = token.path("access_token").asText("");
    if (jwt.isEmpty()) {
      throw unauthenticated("the instance metadata service returned no managed identity access token", null);
    }
    JsonNode compute = get("/metadata/instance?api-version=2021-02-01", "the instance metadata").path("compute");
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("role", role);
    body.put("jwt", jwt);
    body.put("subscription_id", compute.path("subscriptionId").asText(""));
    body.put("resource_group_name", compute.path("resourceGroupName").asText(""));
    String scaleSet = compute.path("vmScaleSetName").asText("");
    if (scaleSet.isEmpty()) {
      body.put("vm_name", compute.path("name").asText(""));
    } else {
      body.put("vmss_name", scaleSet);
    }
    return Secret.of(body.toString());
  }

  private JsonNode get(String pathAndQuery, String what) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(imds + pathAndQuery)).header("Metadata", "true").timeout(timeout).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unauthenticated("the Azure instance metadata service at " + imds + " did not answer for " + what
          + " (Vault Azure auth runs on Azure VMs and scale sets with a managed identity)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unauthenticated("interrupted while asking the instance metadata service for " + what, e);
    }
    if (response.statusCode() != 200) {
      // IMDS error bodies name the problem (no identity, unknown client id) and hold no token
      throw unauthenticated("the instance metadata service refused " + what + " (HTTP " + response.statusCode() + ")", null);
    }
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw unauthenticated("the instance metadata service answered " + what + " with something other than JSON", null);
    }
  }

  private static YshException unauthenticated(String detail, Throwable cause) {
    YshException.Builder b = YshException.builder(ErrorCode.UNAUTHENTICATED).detail("Vault Azure auth: " + detail);
    if (cause != null) {
      b.cause(cause);
    }
    return b.build();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
