package io.ysh.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The preset codecs. */
final class Codecs {

  private Codecs() {}

  static final Codec<String> STRING =
      new Codec<>() {
        @Override
        public byte[] encode(String value) {
          return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
          try {
            CharBuffer chars =
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
          } catch (CharacterCodingException e) {
            throw new IllegalStateException("stored bytes are not valid UTF-8", e);
          }
        }

        @Override
        public String name() {
          return "string";
        }

        @Override
        public String toString() {
          return "Codec[string]";
        }
      };

  static final Codec<byte[]> BYTES =
      new Codec<>() {
        @Override
        public byte[] encode(byte[] value) {
          return value.clone();
        }

        @Override
        public byte[] decode(byte[] bytes) {
          return bytes.clone();
        }

        @Override
        public String name() {
          return "bytes";
        }

        @Override
        public String toString() {
          return "Codec[bytes]";
        }
      };

  static final Codec<Long> LONGS =
      new Codec<>() {
        @Override
        public byte[] encode(Long value) {
          return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public Long decode(byte[] bytes) {
          String text = new String(bytes, StandardCharsets.US_ASCII);
          try {
            return Long.parseLong(text);
          } catch (NumberFormatException e) {
            throw new IllegalStateException("stored value is not a decimal long", e);
          }
        }

        @Override
        public String name() {
          return "longs";
        }

        @Override
        public String toString() {
          return "Codec[longs]";
        }
      };

  private static String brief(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  static final class JsonCodec<V> implements Codec<V> {
    private final ObjectMapper mapper;
    private final JavaType type;
    private final String name;

    JsonCodec(ObjectMapper mapper, JavaType type, String typeName) {
      this.mapper = mapper;
      this.type = type;
      this.name = "json(" + typeName + ")";
    }

    @Override
    public byte[] encode(V value) {
      try {
        return mapper.writerFor(type).writeValueAsBytes(value);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode a value as " + name + ": " + brief(e), e);
      }
    }

    @Override
    public V decode(byte[] bytes) {
      try {
        V value = mapper.readValue(bytes, type);
        if (value == null) {
          throw new IllegalStateException("stored JSON is null");
        }
        return value;
      } catch (IOException e) {
        throw new UncheckedIOException("stored bytes are not " + name + ": " + brief(e), e);
      }
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return "Codec[" + name + "]";
    }
  }
}
