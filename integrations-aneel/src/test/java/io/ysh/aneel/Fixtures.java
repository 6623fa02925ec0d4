package io.ysh.aneel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/** The real ANEEL extracts copied from shared/data/aneel (see SOURCES.txt there). */
final class Fixtures {

  static final String TARIFFS = "scrutiniums_tarifas_amostra.csv";
  static final String TARIFFS_EDGE = "alupdatalake_aneel_tarifas_fixture.csv";
  static final String FLAGS_UTF8_QUOTED = "scrutiniums_bandeira_acionamento.csv";
  static final String FLAGS_LATIN1_LF = "bandeira-tarifaria-acionamento_Gylerme0_PROJETO_ML.csv";
  static final String FLAGS_LATIN1_CRLF = "bandeira-tarifaria-acionamento_patricpz_energy-app-backend.csv";
  static final String SURCHARGES = "scrutiniums_bandeira_adicional.csv";
  static final String GD = "lannacassio_gd_headtail_2026-01-16_RECONSTRUCTED.csv";
  /** Synthetic rows in the real layout: see the note at the top of the file. */
  static final String COMPONENTS = "componentes-tarifarias_SYNTHETIC_sample.csv";

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The components fixture without its leading '#' note, as ANEEL's file would be. */
  static byte[] componentsCsv() {
    String text = new String(bytes(COMPONENTS), java.nio.charset.StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (String line : text.split("(?<=\\n)")) {
      if (!line.startsWith("#")) {
        out.append(line);
      }
    }
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static List<TariffComponent> components() {
    try (Stream<TariffComponent> s = AneelCsv.read(new java.io.ByteArrayInputStream(componentsCsv()), AneelDataset.TARIFF_COMPONENTS)) {
      return s.toList();
    }
  }

  static InputStream open(String name) {
    InputStream in = Fixtures.class.getResourceAsStream("/aneel/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    return in;
  }

  static <T> List<T> read(String name, AneelDataset<T> dataset) {
    try (Stream<T> s = AneelCsv.read(open(name), dataset)) {
      return s.toList();
    }
  }
}
