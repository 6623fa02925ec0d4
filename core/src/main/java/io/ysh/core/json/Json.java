package io.ysh.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The SDK's Jackson preset, used by every module that reads or writes JSON.
 *
 * <ul>
 *   <li>Decimals are read as {@link java.math.BigDecimal} (never {@code double}) and written
 *       plain ({@code 10.50}, not {@code 1.05E+1}); a float is never silently truncated into an
 *       integer field.
 *   <li>{@code java.time} types and {@code Optional} are supported; dates are written as ISO
 *       strings, not timestamps.
 *   <li>Unknown properties are ignored, so a provider adding a field never breaks parsing.
 *   <li>Unknown enum values: an enum that declares a constant annotated
 *       {@link com.fasterxml.jackson.annotation.JsonEnumDefaultValue} (by convention
 *       {@code UNKNOWN}) reads any value it does not know as that constant. Keep the raw string
 *       next to it where callers need it.
 *   <li>Nulls and empty {@code Optional}s are left out when writing.
 * </ul>
 */
public final class Json {

  private static final ObjectMapper SHARED = newMapper();

  private Json() {}

  /**
   * The shared mapper. Do not reconfigure it: it is used across the SDK. Use
   * {@link #builder()} or {@link #newMapper()} for a variant.
   *
   * @return the shared, thread-safe mapper
   */
  public static ObjectMapper mapper() {
    return SHARED;
  }

  /**
   * A new mapper with the preset, for callers that want to register their own modules.
   *
   * @return a new mapper
   */
  public static ObjectMapper newMapper() {
    return builder().build();
  }

  /**
   * A builder pre-loaded with the preset.
   *
   * @return the builder
   */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT);
  }
}
