package io.ysh.core.url;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.http.Redactor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A parsed {@code scheme://[user[:password]@]host[:port][,host:port…]/path?query} URL, the one
 * configuration format behind every {@code open(String url)} of the SDK.
 *
 * <p>It accepts what the drivers need and {@link java.net.URI} does not: several hosts in one
 * authority ({@code redis-sentinel://mymaster@h1:26379,h2:26379/0}), an empty authority
 * ({@code file:///tmp/data}, {@code mem://}), and bucket names as hosts ({@code s3://bucket}).
 * Path segments, user info and query values are percent-decoded as UTF-8; a {@code +} in the
 * query stays a {@code +} (RFC 3986, not HTML forms).
 *
 * <p>Malformed input fails with {@code INVALID_ARGUMENT} and a message naming the problem. A
 * password in the URL is held as a {@link Secret}; neither {@link #toString()} nor any error
 * message ever echoes it, and query parameters with sensitive names ({@code token},
 * {@code password}, …) are masked too. Immutable and thread-safe.
 */
public final class ResourceUrl {

  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]+");
  // One entry of an authority's host list: a name (unreserved characters, escapes, non-ASCII)
  // or a bracketed IPv6 literal, with an optional port of up to five digits.
  private static final Pattern HOST_PORT =
      Pattern.compile("(?:[A-Za-z0-9._~%\\-\\x{80}-\\x{10FFFF}]+|\\[[0-9A-Fa-f:.%A-Za-z]+\\])(?::[0-9]{1,5})?");

  private final String scheme;
  private final String username;
  private final Secret password;
  private final List<HostAndPort> hosts;
  private final List<String> pathSegments;
  private final Map<String, List<String>> params;

  private ResourceUrl(
      String scheme,
      String username,
      Secret password,
      List<HostAndPort> hosts,
      List<String> pathSegments,
      Map<String, List<String>> params) {
    this.scheme = scheme;
    this.username = username;
    this.password = password;
    this.hosts = List.copyOf(hosts);
    this.pathSegments = List.copyOf(pathSegments);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.params = Collections.unmodifiableMap(copy);
  }

  /**
   * Parses a resource URL.
   *
   * @param url the URL text
   * @return the parsed URL
   * @throws YshException {@code INVALID_ARGUMENT} when the URL is null, empty or malformed; the
   *     message describes the problem without repeating any credential
   */
  public static ResourceUrl parse(String url) {
    if (url == null) {
      throw YshException.invalidArgument("resource URL must not be null");
    }
    String s = url.strip();
    if (s.isEmpty()) {
      throw YshException.invalidArgument("resource URL must not be empty");
    }
    int sep = s.indexOf("://");
    if (sep <= 0) {
      // Nothing of the text is echoed: without "://" nothing says where a password would be.
      throw YshException.invalidArgument("malformed resource URL: expected scheme://… (the text is not shown, it may hold a credential)");
    }
    String scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
    if (!SCHEME.matcher(scheme).matches()) {
      throw YshException.invalidArgument(
          "malformed resource URL: the scheme must start with a letter and contain only letters,"
              + " digits, '+', '-', '.' (the text is not shown, it may hold a credential)");
    }
    String rest = s.substring(sep + 3);
    // The user info is located first, before any other check, so that no message below can
    // echo the password: every later message shows the URL with the user info masked.
    int at = userInfoEnd(scheme, rest);
    String userInfo = at >= 0 ? rest.substring(0, at) : null;
    rest = at >= 0 ? rest.substring(at + 1) : rest;
    String shown;
    if (userInfo != null) {
      shown = scheme + "://" + maskedUserInfo(userInfo) + rest;
    } else if (rest.indexOf('@') >= 0) {
      // An '@' that closes no well-formed user info: where a password would end is unknown, so
      // nothing after the scheme is shown.
      shown = scheme + "://" + Redactor.MASK;
    } else if (!hostListFollows(rest, 0)) {
      // Not a well-formed host list (say "app:password" with the "@host" forgotten): the text
      // after the scheme may be a credential, so none of it is shown.
      shown = scheme + "://" + Redactor.MASK;
    } else if (rest.substring(0, firstOf(rest, 0, "/?#")).indexOf(':') >= 0) {
      // "host:port" reads just as well as "user:password" with the "@host" forgotten (a password
      // may start with digits and go on after a '/'): none of it is shown.
      shown = scheme + "://" + Redactor.MASK;
    } else {
      shown = scheme + "://" + rest;
    }
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw invalid(shown, "contains a space or a control character (percent-encode it)");
      }
    }
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      throw invalid(shown, "fragments (#…) are not allowed; percent-encode '#' as %23");
    }
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    String authority = slash >= 0 ? rest.substring(0, slash) : rest;
    String path = slash >= 0 ? rest.substring(slash + 1) : "";

    String username = null;
    Secret password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String rawUser = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
      username = rawUser.isEmpty() ? null : decode(shown, rawUser, "user name");
      if (colon >= 0) {
        password = Secret.of(decodePassword(userInfo.substring(colon + 1)));
      }
    }
    s = shown;
    List<HostAndPort> hosts = authority.isEmpty() ? List.of() : parseHosts(s, authority);
    List<String> segments = new ArrayList<>();
    if (!path.isEmpty()) {
      for (String seg : path.split("/", -1)) {
        segments.add(decode(s, seg, "path"));
      }
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(s, eq >= 0 ? pair.substring(0, eq) : pair, "query parameter name");
        if (!PARAM_NAME.matcher(name).matches()) {
          throw invalid(s, "query parameter name '" + name + "' has characters outside [A-Za-z0-9_.-]");
        }
        String value = eq >= 0 ? decode(s, pair.substring(eq + 1), "query parameter " + name) : "";
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new ResourceUrl(scheme, username, password, hosts, segments, params);
  }

  /**
   * Starts building a URL programmatically, the counterpart of {@link #parse(String)}.
   *
   * @param scheme the scheme, such as {@code s3}
   * @return a builder
   */
  public static Builder builder(String scheme) {
    return new Builder(scheme);
  }

  /**
   * Where the user info ends: the index in {@code rest} (the text after {@code ://}) of the
   * {@code @} that closes it, or -1 when the URL has none.
   *
   * <p>A password may contain any character, including {@code / ? # @ :} unencoded (base64
   * account keys do), so the user info cannot end at the first {@code /} as in RFC 3986. The
   * rule, as browsers do for {@code @}: the user info ends at the <em>last</em> {@code @} that
   * is followed by a well-formed host list (possibly empty) and then the end, {@code /} or
   * {@code ?}, and whose user name (the text before the first {@code :}) has no {@code /},
   * {@code ?} or {@code #}. One reading is refused as ambiguous rather than guessed: a URL whose
   * text before the first {@code /}, {@code ?} or {@code #} is already a valid {@code host:port}
   * list, followed later by such an {@code @} ({@code redis://h:6379/0?mail=a@b}, or a password
   * starting with digits then {@code /}); percent-encoding the {@code @} (%40) or the password
   * resolves it. The message of that refusal shows nothing after the scheme.
   */
  private static int userInfoEnd(String scheme, String rest) {
    int candidate = -1;
    for (int i = rest.lastIndexOf('@'); i >= 0; i = i == 0 ? -1 : rest.lastIndexOf('@', i - 1)) {
      if (cleanUser(rest, i) && hostListFollows(rest, i + 1)) {
        candidate = i;
        break;
      }
    }
    if (candidate < 0) {
      return -1;
    }
    int end = firstOf(rest, 0, "/?#");
    String plain = rest.substring(0, end);
    if (plain.indexOf('@') < 0 && end < candidate && plain.indexOf(':') >= 0 && hostListFollows(rest, 0)) {
      throw YshException.invalidArgument(
          "malformed resource URL '"
              + scheme
              + "://…': ambiguous user info; percent-encode '@' as %40 in the path or query, or"
              + " '/', '?' and '#' in the password");
    }
    return candidate;
  }

  // The user name (user info up to its first ':') must not hold '/', '?' or '#'.
  private static boolean cleanUser(String rest, int at) {
    for (int i = 0; i < at; i++) {
      char c = rest.charAt(i);
      if (c == ':') {
        return true;
      }
      if (c == '/' || c == '?' || c == '#') {
        return false;
      }
    }
    return true;
  }

  // Whether rest[from..] starts with a host list ("h", "h:1", "[::1]:2", "a,b:3", or nothing)
  // followed by the end, '/' or '?'.
  private static boolean hostListFollows(String rest, int from) {
    int end = firstOf(rest, from, "/?#@");
    if (end < rest.length() && (rest.charAt(end) == '#' || rest.charAt(end) == '@')) {
      return false;
    }
    String list = rest.substring(from, end);
    if (list.isEmpty()) {
      return true;
    }
    for (String part : list.split(",", -1)) {
      if (!HOST_PORT.matcher(part).matches()) {
        return false;
      }
    }
    return true;
  }

  private static int firstOf(String text, int from, String chars) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static String maskedUserInfo(String userInfo) {
    int colon = userInfo.indexOf(':');
    return colon >= 0 ? userInfo.substring(0, colon) + ":" + Redactor.MASK + "@" : userInfo + "@";
  }

  // A password is taken as typed, except that well-formed UTF-8 percent-escapes are decoded: a
  // stray '%' is a character of the password, never an error that could quote it.
  private static String decodePassword(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); ) {
      char c = raw.charAt(i);
      if (c == '%'
          && i + 2 < raw.length()
          && Character.digit(raw.charAt(i + 1), 16) >= 0
          && Character.digit(raw.charAt(i + 2), 16) >= 0) {
        out.write((Character.digit(raw.charAt(i + 1), 16) << 4) | Character.digit(raw.charAt(i + 2), 16));
        i += 3;
      } else {
        int cp = raw.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp);
      }
    }
    byte[] bytes = out.toByteArray();
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    return Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), bytes) ? decoded : raw;
  }

  private static List<HostAndPort> parseHosts(String url, String authority) {
    List<HostAndPort> out = new ArrayList<>();
    for (String part : authority.split(",", -1)) {
      if (part.isEmpty()) {
        throw invalid(url, "empty host in the host list");
      }
      String host;
      String portText = null;
      if (part.startsWith("[")) {
        int close = part.indexOf(']');
        if (close < 0) {
          throw invalid(url, "unclosed '[' in an IPv6 host");
        }
        host = part.substring(1, close);
        String after = part.substring(close + 1);
        if (!after.isEmpty()) {
          if (!after.startsWith(":")) {
            throw invalid(url, "unexpected text after an IPv6 host");
          }
          portText = after.substring(1);
        }
      } else {
        int colon = part.indexOf(':');
        if (colon >= 0) {
          host = part.substring(0, colon);
          portText = part.substring(colon + 1);
        } else {
          host = part;
        }
        host = decode(url, host, "host");
      }
      if (host.isEmpty()) {
        throw invalid(url, "a host is empty");
      }
      int port = -1;
      if (portText != null) {
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)) {
          throw invalid(url, "a port is not a number in 1..65535");
        }
        port = Integer.parseInt(portText);
        if (port < 1 || port > 65535) {
          throw invalid(url, "a port is outside 1..65535");
        }
      }
      out.add(new HostAndPort(host, port));
    }
    return out;
  }

  private static String decode(String url, String text, String what) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          throw invalid(url, "truncated percent-escape in the " + what);
        }
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw invalid(url, "bad percent-escape in the " + what);
        }
        out.write((hi << 4) | lo);
        i += 3;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          b = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(b, 0, b.length);
        i++;
      }
    }
    byte[] bytes = out.toByteArray();
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    if (!Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), bytes)) {
      throw invalid(url, "percent-escapes in the " + what + " are not valid UTF-8");
    }
    return decoded;
  }

  // The URL given here has its user info masked already (see parse); the redactor masks
  // sensitive query parameters on top.
  private static YshException invalid(String url, String problem) {
    return YshException.invalidArgument("malformed resource URL '" + Redactor.defaults().redactUrl(url) + "': " + problem);
  }

  /**
   * The scheme, lower case, such as {@code s3} or {@code redis-sentinel}.
   *
   * @return the scheme
   */
  public String scheme() {
    return scheme;
  }

  /**
   * The percent-decoded user name of the user info part (for {@code redis-sentinel} URLs, the
   * master name).
   *
   * @return the user name, if the URL had one
   */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /**
   * The password of the user info part, held as a {@link Secret}.
   *
   * @return the password, if the URL had one
   */
  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  /**
   * Every host of the authority, in order.
   *
   * @return the hosts; empty for URLs like {@code file:///tmp} or {@code mem://}
   */
  public List<HostAndPort> hosts() {
    return hosts;
  }

  /**
   * The first (usually only) host name, such as a bucket for {@code s3://bucket}.
   *
   * @return the host, if the URL had an authority
   */
  public Optional<String> host() {
    return hosts.isEmpty() ? Optional.empty() : Optional.of(hosts.get(0).host());
  }

  /**
   * The first host, requiring that there is exactly one.
   *
   * @param what what the host names, for the error message (for example "bucket")
   * @return the single host
   * @throws YshException {@code INVALID_ARGUMENT} when the URL has no host or several
   */
  public HostAndPort singleHost(String what) {
    if (hosts.size() != 1) {
      throw YshException.invalidArgument(
          scheme + ":// URL '" + this + "' must name exactly one " + what + ", found " + hosts.size());
    }
    return hosts.get(0);
  }

  /**
   * The decoded path segments, without the leading slash: {@code ["secret", "app"]} for
   * {@code vault://h/secret/app}.
   *
   * @return the segments; empty when there is no path
   */
  public List<String> pathSegments() {
    return pathSegments;
  }

  /**
   * The decoded path without its leading slash, segments joined by {@code /}.
   *
   * @return the path, possibly empty
   */
  public String path() {
    return String.join("/", pathSegments);
  }

  /**
   * The names of every query parameter, in order of first appearance.
   *
   * @return the names
   */
  public Set<String> paramNames() {
    return params.keySet();
  }

  /**
   * The single value of a query parameter.
   *
   * @param name the parameter name (case-sensitive)
   * @return the value, if present
   * @throws YshException {@code INVALID_ARGUMENT} when the parameter is repeated
   */
  public Optional<String> param(String name) {
    List<String> values = params.get(Objects.requireNonNull(name, "name"));
    if (values == null) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw YshException.invalidArgument(
          "query parameter '" + name + "' is given " + values.size() + " times in '" + this + "'");
    }
    return Optional.of(values.get(0));
  }

  /**
   * Every value of a repeatable query parameter.
   *
   * @param name the parameter name
   * @return the values in order; empty when absent
   */
  public List<String> params(String name) {
    return params.getOrDefault(Objects.requireNonNull(name, "name"), List.of());
  }

  /**
   * A query parameter as an integer.
   *
   * @param name the parameter name
   * @return the value, if present
   * @throws YshException {@code INVALID_ARGUMENT} when the value is not an integer
   */
  public Optional<Integer> intParam(String name) {
    return param(name)
        .map(
            v -> {
              try {
                return Integer.valueOf(v);
              } catch (NumberFormatException e) {
                throw YshException.invalidArgument(
                    "query parameter '" + name + "' must be an integer, got '" + v + "'");
              }
            });
  }

  /**
   * A query parameter as a boolean: exactly {@code true} or {@code false} (any case).
   *
   * @param name the parameter name
   * @return the value, if present
   * @throws YshException {@code INVALID_ARGUMENT} for any other text
   */
  public Optional<Boolean> boolParam(String name) {
    return param(name)
        .map(
            v -> {
              if (v.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
              }
              if (v.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
              }
              throw YshException.invalidArgument(
                  "query parameter '" + name + "' must be true or false, got '" + v + "'");
            });
  }

  /**
   * A query parameter as a duration: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h},
   * {@code 2d} or ISO-8601 ({@code PT30S}). A bare number is rejected: the unit must be explicit.
   *
   * @param name the parameter name
   * @return the value, if present
   * @throws YshException {@code INVALID_ARGUMENT} for malformed or negative durations
   */
  public Optional<Duration> durationParam(String name) {
    return param(name).map(v -> parseDuration(name, v));
  }

  /**
   * Fails when the URL has query parameters the driver does not know, so a typo such as
   * {@code regoin=} is reported instead of silently ignored.
   *
   * @param known the parameter names the driver understands
   * @throws YshException {@code INVALID_ARGUMENT} naming the unknown parameters and the known ones
   */
  public void requireKnownParams(Set<String> known) {
    Set<String> unknown = new TreeSet<>(params.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw YshException.invalidArgument(
          scheme
              + ":// URL has unknown query parameter(s) "
              + unknown
              + "; known: "
              + new TreeSet<>(known));
    }
  }

  static Duration parseDuration(String name, String v) {
    String text = v.strip().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (text.startsWith("p")) {
        d = Duration.parse(text.toUpperCase(Locale.ROOT));
      } else {
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
          i++;
        }
        if (i == 0 || i > 18) {
          throw new NumberFormatException();
        }
        long n = Long.parseLong(text.substring(0, i));
        String unit = text.substring(i);
        d =
            switch (unit) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              case "d" -> Duration.ofDays(n);
              default -> throw new NumberFormatException();
            };
      }
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw YshException.invalidArgument(
          "query parameter '"
              + name
              + "' must be a duration such as 250ms, 30s, 5m, 1h or PT30S, got '"
              + v
              + "'");
    }
    if (d.isNegative()) {
      throw YshException.invalidArgument("query parameter '" + name + "' must not be negative");
    }
    return d;
  }

  /**
   * Formats the URL with the password masked and sensitive query values masked; parsing the
   * result gives back an equal URL when there was no password and no sensitive parameter.
   *
   * @return a string safe to log
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(scheme).append("://");
    if (username != null || password != null) {
      if (username != null) {
        sb.append(encode(username, false));
      }
      if (password != null) {
        sb.append(':').append(Redactor.MASK);
      }
      sb.append('@');
    }
    for (int i = 0; i < hosts.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      HostAndPort h = hosts.get(i);
      String host = h.host().indexOf(':') >= 0 ? "[" + h.host() + "]" : encode(h.host(), false);
      sb.append(host);
      if (h.port() != -1) {
        sb.append(':').append(h.port());
      }
    }
    if (!pathSegments.isEmpty()) {
      for (String seg : pathSegments) {
        sb.append('/').append(encode(seg, false));
      }
    }
    if (!params.isEmpty()) {
      StringBuilder q = new StringBuilder();
      params.forEach(
          (k, values) -> {
            for (String v : values) {
              q.append(q.length() == 0 ? '?' : '&').append(encode(k, true)).append('=').append(encode(v, true));
            }
          });
      sb.append(Redactor.defaults().redactUrl(q.toString()));
    }
    return sb.toString();
  }

  private static String encode(String text, boolean query) {
    StringBuilder sb = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || (query && (c == '/' || c == ':' || c == ',' || c == '[' || c == ']'));
      if (unreserved) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /** Equal when scheme, user, password, hosts, path and query parameters are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceUrl u
        && scheme.equals(u.scheme)
        && Objects.equals(username, u.username)
        && Objects.equals(password, u.password)
        && hosts.equals(u.hosts)
        && pathSegments.equals(u.pathSegments)
        && params.equals(u.params);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, username, hosts, pathSegments, params);
  }

  /** Builds {@link ResourceUrl}s programmatically; components are given decoded. */
  public static final class Builder {
    private final String scheme;
    private String username;
    private Secret password;
    private final List<HostAndPort> hosts = new ArrayList<>();
    private final List<String> segments = new ArrayList<>();
    private final Map<String, List<String>> params = new LinkedHashMap<>();

    private Builder(String scheme) {
      Objects.requireNonNull(scheme, "scheme");
      String s = scheme.toLowerCase(Locale.ROOT);
      if (!SCHEME.matcher(s).matches()) {
        throw YshException.invalidArgument("invalid URL scheme '" + scheme + "'");
      }
      this.scheme = s;
    }

    /**
     * Sets the user name.
     *
     * @param username the decoded user name
     * @return this builder
     */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /**
     * Sets the password.
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(Secret password) {
      this.password = password;
      return this;
    }

    /**
     * Adds a host.
     *
     * @param host the host name or IP literal
     * @param port the port, or -1 for none
     * @return this builder
     */
    public Builder host(String host, int port) {
      hosts.add(new HostAndPort(host, port));
      return this;
    }

    /**
     * Appends path segments.
     *
     * @param segments decoded segments
     * @return this builder
     */
    public Builder path(String... segments) {
      for (String s : segments) {
        this.segments.add(Objects.requireNonNull(s, "segment"));
      }
      return this;
    }

    /**
     * Adds a query parameter value.
     *
     * @param name the parameter name
     * @param value the decoded value
     * @return this builder
     */
    public Builder param(String name, String value) {
      if (!PARAM_NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
        throw YshException.invalidArgument("query parameter name '" + name + "' is invalid");
      }
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Builds the URL.
     *
     * @return the URL
     */
    public ResourceUrl build() {
      return new ResourceUrl(scheme, username, password, hosts, segments, params);
    }
  }
}
