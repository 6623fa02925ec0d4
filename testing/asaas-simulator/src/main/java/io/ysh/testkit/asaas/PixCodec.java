package io.ysh.testkit.asaas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** Builds PIX "copia e cola" payloads (EMV BR Code, TLV with a CRC16-CCITT checksum). */
final class PixCodec {

  private PixCodec() {}

  static String payload(String txid, BigDecimal value) {
    String amount = value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    String gui = tlv("00", "br.gov.bcb.pix") + tlv("25", "pix-h.asaas.com/qr/cobv/" + txid);
    String payload = tlv("00", "01") + tlv("01", "12") + tlv("26", gui) + tlv("52", "0000") + tlv("53", "986")
        + tlv("54", amount) + tlv("58", "BR") + tlv("59", "YSH SIMULATOR") + tlv("60", "SAO PAULO")
        + tlv("62", tlv("05", "***")) + "6304";
    return payload + crc16(payload);
  }

  /** A static code (BR Code with the key in the merchant account field), with an amount when given. */
  static String staticPayload(String key, BigDecimal value, String description, String txid) {
    String gui = tlv("00", "br.gov.bcb.pix") + tlv("01", key)
        + (description == null || description.isEmpty() ? "" : tlv("02", description.length() > 40 ? description.substring(0, 40) : description));
    String amount = value == null ? "" : tlv("54", value.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
    String payload = tlv("00", "01") + tlv("26", gui) + tlv("52", "0000") + tlv("53", "986") + amount + tlv("58", "BR")
        + tlv("59", "YSH SIMULATOR") + tlv("60", "SAO PAULO") + tlv("62", tlv("05", txid)) + "6304";
    return payload + crc16(payload);
  }

  private static String tlv(String id, String value) {
    return id + String.format("%02d", value.length()) + value;
  }

  static String crc16(String s) {
    int crc = 0xFFFF;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      crc ^= (b & 0xFF) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
        crc &= 0xFFFF;
      }
    }
    return String.format("%04X", crc);
  }
}
