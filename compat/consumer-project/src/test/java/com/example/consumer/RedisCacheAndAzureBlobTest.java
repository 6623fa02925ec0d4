package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.storage.blob.BlobContainerClient;
import io.ysh.cache.Cache;
import io.ysh.storage.ObjectStorage;
import io.ysh.testkit.server.azure.Azurite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What issue 21's user could not do: a Redis cache (Lettuce 7, Netty 4.2) and an Azure Blob
 * container in one JVM of a project that imports ysh-bom and nothing else. Before, the cache died
 * with {@code NoClassDefFoundError: io/netty/channel/epoll/EpollIoHandler}.
 */
class RedisCacheAndAzureBlobTest {

  @Test
  void aRedisCacheAndAnAzureContainerWorkSideBySide() {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String key = URLEncoder.encode(Azurite.KEY, StandardCharsets.UTF_8);
    try (Cache cache = Cache.open("redis://127.0.0.1:6379/0?namespace=ysh-consumer-" + id);
         ObjectStorage documents = ObjectStorage.open("azblob://" + Azurite.ACCOUNT + ":" + key + "@" + Azurite.ACCOUNT
             + "/docs" + id + "?endpoint=" + Azurite.blobEndpoint())) {
      documents.unwrap(BlobContainerClient.class).create();
      byte[] quote = "{\"quote\":\"q-42\"}".getBytes(StandardCharsets.UTF_8);
      documents.put("quotes/q-42.json", quote);
      cache.strings().put("quote:q-42", "quotes/q-42.json", Duration.ofMinutes(1));

      Optional<String> where = cache.strings().get("quote:q-42");
      assertEquals(Optional.of("quotes/q-42.json"), where);
      assertArrayEquals(quote, documents.getBytes(where.orElseThrow()));
      cache.delete("quote:q-42");
    }
  }
}
