package io.ysh.testkit.aneel;

import io.ysh.aneel.AneelCsv;
import io.ysh.aneel.AneelDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** Real ANEEL extracts (see shared/data/aneel/SOURCES.txt) and the synthetic components sample. */
final class Fixtures {

  static final String TARIFFS = "scrutiniums_tarifas_amostra.csv";
  static final String FLAGS_LATIN1_LF = "bandeira-tarifaria-acionamento_Gylerme0_PROJETO_ML.csv";
  static final String FLAGS_LATIN1_CRLF = "bandeira-tarifaria-acionamento_patricpz_energy-app-backend.csv";
  static final String SURCHARGES = "scrutiniums_bandeira_adicional.csv";
  /** Synthetic rows in the real layout: see the note at the top of the file. */
  static final String COMPONENTS = "componentes-tarifarias_SYNTHETIC_sample.csv";

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/aneel/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The components sample without its leading '#' note, as ANEEL's file would be. */
  static byte[] componentsCsv() {
    StringBuilder out = new StringBuilder();
    for (String line : new String(bytes(COMPONENTS), StandardCharsets.UTF_8).split("(?<=\\n)")) {
      if (!line.startsWith("#")) {
        out.append(line);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static <T> List<T> read(String name, AneelDataset<T> dataset) {
    try (Stream<T> s = AneelCsv.read(Fixtures.class.getResourceAsStream("/aneel/" + name), dataset)) {
      return s.toList();
    }
  }
}
