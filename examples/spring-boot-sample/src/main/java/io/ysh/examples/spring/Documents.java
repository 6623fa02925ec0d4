package io.ysh.examples.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.json.Json;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Quotes and orders as JSON documents in the {@link ObjectStorage} bean of {@code ysh.storage.url}:
 * {@code quotes/<id>.json} and {@code orders/<quoteId>.json}.
 */
@Component
public class Documents {

  private static final ObjectMapper JSON = Json.mapper();
  private static final WriteOptions AS_JSON = WriteOptions.builder().contentType("application/json").build();

  private final ObjectStorage storage;

  /**
   * Created by Spring.
   *
   * @param storage the starter's storage
   */
  public Documents(ObjectStorage storage) {
    this.storage = storage;
  }

  /**
   * The storage key of a quote.
   *
   * @param id the quote's id
   * @return {@code quotes/<id>.json}
   */
  public static String quoteKey(String id) {
    return "quotes/" + id + ".json";
  }

  /**
   * The storage key of an order.
   *
   * @param quoteId the quote's id
   * @return {@code orders/<quoteId>.json}
   */
  public static String orderKey(String quoteId) {
    return "orders/" + quoteId + ".json";
  }

  void save(Quote quote) {
    storage.put(quoteKey(quote.id()), bytes(quote), AS_JSON);
  }

  Optional<Quote> quote(String id) {
    return read(quoteKey(id), Quote.class);
  }

  void save(OrderEvent order) {
    storage.put(orderKey(order.quoteId()), bytes(order), AS_JSON);
  }

  Optional<OrderEvent> order(String quoteId) {
    return read(orderKey(quoteId), OrderEvent.class);
  }

  private static byte[] bytes(Object document) {
    try {
      return JSON.writeValueAsBytes(document);
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INTERNAL).detail("cannot write " + document.getClass().getSimpleName()).cause(e).build();
    }
  }

  private <T> Optional<T> read(String key, Class<T> type) {
    byte[] bytes;
    try {
      bytes = storage.getBytes(key);
    } catch (YshException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    try {
      return Optional.of(JSON.readValue(bytes, type));
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INTERNAL).detail("cannot read " + key).cause(e).build();
    }
  }
}
