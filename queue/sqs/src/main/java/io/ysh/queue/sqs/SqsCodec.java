package io.ysh.queue.sqs;

import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Message ↔ SQS body and attributes. SQS carries only XML characters: a body that is not such text
 * travels base64-encoded (flagged by the attribute {@code x-ysh-enc}); attribute names outside
 * SQS's alphabet travel base64url-encoded with the prefix {@code ysh-b64-}; attribute values
 * outside it travel as Binary attributes (UTF-8); empty values as the custom type
 * {@code String.ysh-empty}.
 */
final class SqsCodec {

  static final String ENCODING = "x-ysh-enc";
  static final String NAME_PREFIX = "ysh-b64-";
  static final String EMPTY_TYPE = "String.ysh-empty";
  static final String DEFAULT_GROUP = "ysh-default";
  private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_\\-.]{1,256}");

  private SqsCodec() {}

  static QueueCapabilities caps(boolean fifo) {
    return caps(fifo, false);
  }

  static QueueCapabilities caps(boolean fifo, boolean nativeDeadLetter) {
    return QueueCapabilities.builder()
        // 256 KiB in SQS terms; a binary body grows by 4/3 in base64, attribute types add bytes.
        .maxMessageBytes(196_000)
        .maxBatchMessages(10)
        .maxBatchBytes(196_000)
        .maxAttributes(9)
        .maxAttributeNameLength(180)
        .maxAttributeValueBytes(32 * 1024)
        .emptyBodyAllowed(false)
        .orderingKeys(fifo)
        .deduplication(fifo)
        .extendDeadline(true)
        .maxNackDelay(Duration.ofHours(12))
        .nativeDeadLetter(nativeDeadLetter)
        .build();
  }

  static boolean isXmlText(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!ok) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** The body as SQS text, or null when it must be base64-encoded. */
  static String textBody(byte[] body) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
      return isXmlText(s) ? s : null;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  record Encoded(String body, Map<String, MessageAttributeValue> attributes) {}

  static Encoded encode(Message m) {
    Map<String, MessageAttributeValue> attrs = new HashMap<>();
    byte[] raw = m.body();
    String body = textBody(raw);
    if (body == null) {
      body = Base64.getEncoder().encodeToString(raw);
      attrs.put(ENCODING, MessageAttributeValue.builder().dataType("String").stringValue("base64").build());
    }
    for (Map.Entry<String, String> e : m.attributes().entrySet()) {
      attrs.put(encodeName(e.getKey()), encodeValue(e.getValue()));
    }
    return new Encoded(body, attrs);
  }

  static Message decode(String body, Map<String, MessageAttributeValue> attrs, String groupId) {
    Message.Builder b = Message.builder();
    boolean base64 = false;
    if (attrs != null) {
      for (Map.Entry<String, MessageAttributeValue> e : attrs.entrySet()) {
        if (e.getKey().equals(ENCODING)) {
          base64 = "base64".equals(e.getValue().stringValue());
          continue;
        }
        b.attribute(decodeName(e.getKey()), decodeValue(e.getValue()));
      }
    }
    b.body(base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8));
    if (groupId != null && !groupId.equals(DEFAULT_GROUP)) {
      b.orderingKey(groupId);
    }
    return b.build();
  }

  static String encodeName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    boolean ok = VALID_NAME.matcher(name).matches() && !lower.startsWith("aws.") && !lower.startsWith("amazon.")
        && !name.startsWith(".") && !name.endsWith(".") && !name.contains("..") && !name.startsWith(NAME_PREFIX)
        && !name.startsWith("x-ysh-");
    return ok ? name : NAME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }

  static String decodeName(String name) {
    return name.startsWith(NAME_PREFIX)
        ? new String(Base64.getUrlDecoder().decode(name.substring(NAME_PREFIX.length())), StandardCharsets.UTF_8)
        : name;
  }

  static MessageAttributeValue encodeValue(String value) {
    if (value.isEmpty()) {
      return MessageAttributeValue.builder().dataType(EMPTY_TYPE).stringValue("-").build();
    }
    if (isXmlText(value)) {
      return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
    return MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String(value)).build();
  }

  static String decodeValue(MessageAttributeValue v) {
    if (EMPTY_TYPE.equals(v.dataType())) {
      return "";
    }
    if (v.dataType() != null && v.dataType().startsWith("Binary")) {
      return v.binaryValue() == null ? "" : v.binaryValue().asUtf8String();
    }
    return v.stringValue() == null ? "" : v.stringValue();
  }
}
