package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a multipart/form-data body (Asaas's {@code POST /fiscalInfo/} and
 * {@code POST /anticipations} take forms) into an object of text fields, so resources and strict
 * mode see it like a JSON body. A file part becomes the text {@code <file NAME, N bytes>}.
 */
final class Forms {

  private Forms() {}

  static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** Parses the body; throws IllegalArgumentException when it is not a well-formed form. */
  static ObjectNode parse(String contentType, byte[] body, ObjectNode into) {
    String boundary = null;
    for (String p : contentType.split(";")) {
      String t = p.strip();
      if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        boundary = t.substring("boundary=".length()).replace("\"", "");
      }
    }
    if (boundary == null) {
      throw new IllegalArgumentException("no boundary");
    }
    // ISO-8859-1 maps bytes 1:1 to chars, so offsets stay byte offsets; text parts are re-decoded as UTF-8
    String all = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    int at = all.indexOf(delimiter);
    if (at < 0) {
      throw new IllegalArgumentException("no part");
    }
    while (true) {
      int start = at + delimiter.length();
      if (all.startsWith("--", start)) {
        return into;
      }
      int next = all.indexOf("\r\n" + delimiter, start);
      if (next < 0) {
        throw new IllegalArgumentException("unterminated part");
      }
      String part = all.substring(start + 2, next);
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        throw new IllegalArgumentException("part without headers");
      }
      String headers = part.substring(0, headerEnd);
      String content = part.substring(headerEnd + 4);
      String name = param(headers, "name");
      String filename = param(headers, "filename");
      if (name == null) {
        throw new IllegalArgumentException("part without a name");
      }
      if (filename != null) {
        into.put(name, "<file " + filename + ", " + content.length() + " bytes>");
      } else {
        into.put(name, new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
      }
      at = next + 2;
    }
  }

  private static String param(String headers, String key) {
    for (String line : headers.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        continue;
      }
      for (String p : line.split(";")) {
        String t = p.strip();
        if (t.startsWith(key + "=")) {
          return t.substring(key.length() + 1).replace("\"", "");
        }
      }
    }
    return null;
  }
}
