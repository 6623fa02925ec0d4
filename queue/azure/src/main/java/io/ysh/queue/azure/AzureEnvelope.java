package io.ysh.queue.azure;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ysh.core.YshException;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Azure Queue Storage has no attributes and carries XML-safe text only: a message travels as an
 * ASCII JSON envelope {@code {"v":1,"b":"<base64 body>","a":{…}}}.
 */
final class AzureEnvelope {

  static final int MAX_TEXT = 64 * 1024;
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  static final QueueCapabilities CAPS =
      QueueCapabilities.builder()
          .maxMessageBytes(48_000)
          .maxBatchMessages(32)
          .maxBatchBytes(32L * 48_000)
          .maxAttributes(50)
          .maxAttributeNameLength(256)
          .maxAttributeValueBytes(4096)
          .emptyBodyAllowed(true)
          .orderingKeys(false)
          .deduplication(false)
          .extendDeadline(true)
          .maxNackDelay(Duration.ofDays(7))
          .nativeDeadLetter(false)
          .build();

  private AzureEnvelope() {}

  static String encode(Message m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("v", 1);
    n.put("b", Base64.getEncoder().encodeToString(m.body()));
    if (!m.attributes().isEmpty()) {
      ObjectNode a = n.putObject("a");
      m.attributes().forEach(a::put);
    }
    String text;
    try {
      text = JSON.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (text.length() > MAX_TEXT) {
      throw YshException.invalidArgument("message encodes to " + text.length() + " bytes, over Azure Queue Storage's limit of "
          + MAX_TEXT + " (attributes with many non-ASCII characters take up to 6 bytes per character)");
    }
    return text;
  }

  static Message decode(String text) {
    Message.Builder b = Message.builder();
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || !n.has("v") || !n.has("b")) {
        return b.body(text).build(); // not written by the SDK: pass the text through
      }
      b.body(Base64.getDecoder().decode(n.get("b").asText()));
      JsonNode a = n.get("a");
      if (a != null) {
        for (Map.Entry<String, JsonNode> e : a.properties()) {
          b.attribute(e.getKey(), e.getValue().asText());
        }
      }
      return b.build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      return b.body(text).build();
    }
  }

}
