package io.ysh.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links planted in the download cache's directory never lead it to read or write outside. */
class DirectoryDownloadCacheLinksTest {

  private static final String URL = "https://dadosabertos.aneel.gov.br/dataset/x.csv";

  @TempDir Path temp;

  @Test
  void linkedCopiesAndValidatorsAreMissingNeverFollowedAndReplacedByACommit() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("cache"));
    Path outside = Files.writeString(temp.resolve("outside.txt"), "OUTSIDE");
    Path outsideMeta = Files.writeString(temp.resolve("outside.properties"), "url=" + URL + "\nsize=7\n");
    DirectoryDownloadCache cache = new DirectoryDownloadCache(dir);
    String key = DirectoryDownloadCache.key(URL);
    Files.createSymbolicLink(dir.resolve(key + ".data"), outside);
    Files.createSymbolicLink(dir.resolve(key + ".properties"), outsideMeta);

    assertThat(cache.lookup(URL)).as("a linked copy is no copy").isEmpty();
    DownloadCache.Entry forged = new DownloadCache.Entry(URL, null, null, 7);
    assertThat(cache.path(forged)).isEmpty();
    assertThatThrownBy(() -> cache.open(forged).close()).isInstanceOf(IOException.class);

    try (DownloadCache.Staging staging = cache.stage(URL)) {
      staging.output().write("fresh".getBytes(StandardCharsets.UTF_8));
      DownloadCache.Entry e = staging.commit("\"v1\"", null);
      try (InputStream in = cache.open(e)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("fresh");
      }
    }
    assertThat(outside).hasContent("OUTSIDE");
    assertThat(outsideMeta).hasContent("url=" + URL + "\nsize=7\n");
    assertThat(Files.isSymbolicLink(dir.resolve(key + ".data"))).as("the commit replaced the link").isFalse();
    assertThat(cache.lookup(URL)).hasValueSatisfying(e -> assertThat(e.etag()).isEqualTo("\"v1\""));
    assertThat(cache.path(cache.lookup(URL).orElseThrow())).contains(dir.resolve(key + ".data"));
  }
}
