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

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
