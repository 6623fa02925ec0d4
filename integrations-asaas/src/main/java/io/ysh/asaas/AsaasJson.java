package io.ysh.asaas;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.ysh.core.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The Asaas flavour of the SDK's Jackson preset: dates {@code yyyy-MM-dd}, timestamps
 * {@code yyyy-MM-dd HH:mm:ss} in Brazil's local time, and lenient reading of the other formats
 * Asaas has been seen to send (ISO-8601 with or without offset, {@code dd/MM/yyyy}, epoch
 * millis).
 */
final class AsaasJson {

  /** The zone Asaas timestamps are expressed in. */
  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter BR_TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm[:ss]");

  private static final ObjectMapper MAPPER = Json.builder().addModule(module()).build();

  private AsaasJson() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  private static SimpleModule module() {
    SimpleModule m = new SimpleModule("asaas-dates");
    m.addDeserializer(LocalDate.class, new LenientDate());
    m.addDeserializer(LocalDateTime.class, new LenientDateTime());
    m.addSerializer(LocalDateTime.class, new TimestampSerializer());
    return m;
  }

  static LocalDate parseDate(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      if (s.length() == 10 && s.charAt(2) == '/') {
        return LocalDate.parse(s, BR_DATE);
      }
      if (s.length() == 10) {
        return LocalDate.parse(s);
      }
      return parseDateTime(s).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("unreadable Asaas date '" + s + "'", e);
    }
  }

  static LocalDateTime parseDateTime(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      if (s.chars().allMatch(Character::isDigit) && s.length() > 10) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(s)), ZONE);
      }
      if (s.length() >= 10 && s.charAt(2) == '/') {
        return s.length() == 10 ? LocalDate.parse(s, BR_DATE).atStartOfDay() : LocalDateTime.parse(s, BR_TIMESTAMP);
      }
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay();
      }
      String iso = s.replace(' ', 'T');
      if (iso.endsWith("Z") || hasOffset(iso)) {
        return OffsetDateTime.parse(iso).atZoneSameInstant(ZONE).toLocalDateTime();
      }
      return LocalDateTime.parse(iso);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("unreadable Asaas timestamp '" + s + "'", e);
    }
  }

  private static boolean hasOffset(String iso) {
    int t = iso.indexOf('T');
    if (t < 0) {
      return false;
    }
    String time = iso.substring(t);
    return time.indexOf('+') > 0 || time.lastIndexOf('-') > 0;
  }

  private static final class LenientDate extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(p.getLongValue()), ZONE).toLocalDate();
      }
      try {
        return parseDate(p.getValueAsString(""));
      } catch (IllegalArgumentException e) {
        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, p.getText(), e.getMessage());
      }
    }
  }

  private static final class LenientDateTime extends JsonDeserializer<LocalDateTime> {
    @Override
    public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(p.getLongValue()), ZONE);
      }
      try {
        return parseDateTime(p.getValueAsString(""));
      } catch (IllegalArgumentException e) {
        return (LocalDateTime) ctxt.handleWeirdStringValue(LocalDateTime.class, p.getText(), e.getMessage());
      }
    }
  }

  private static final class TimestampSerializer extends JsonSerializer<LocalDateTime> {
    @Override
    public void serialize(LocalDateTime value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(TIMESTAMP.format(value));
    }
  }
}
