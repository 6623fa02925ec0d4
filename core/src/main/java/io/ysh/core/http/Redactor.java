package io.ysh.core.http;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials and Brazilian personal identifiers in text, headers, URLs and JSON bodies
 * before they reach a log line, an exception message or a metric.
 *
 * <p>What it masks by default:
 *
 * <ul>
 *   <li>headers that carry credentials ({@code Authorization}, {@code access_token},
 *       {@code asaas-access-token}, {@code X-Vault-Token}, {@code Cookie}, …): the whole value;
 *   <li>query parameters and JSON fields whose name says they hold a secret ({@code token},
 *       {@code password}, {@code secret}, {@code apiKey}, {@code X-Amz-Signature}, {@code sig},
 *       …) and the {@code user:password@} part of URLs;
 *   <li>CPF and CNPJ numbers (formatted or bare, numeric or alphanumeric) anywhere in text,
 *       and JSON fields named {@code cpfCnpj}, {@code cpf} or {@code cnpj};
 *   <li>{@code Bearer}/{@code Basic} credentials and Asaas API keys ({@code $aact_…});
 *   <li>Vault tokens, current ({@code hvs.}, {@code hvb.}, {@code hvr.}) and legacy ({@code s.},
 *       {@code b.}, {@code r.});
 *   <li>Azure {@code AccountKey=}, {@code SharedAccessKey=} and {@code SharedAccessSignature=} in
 *       connection strings, and SAS {@code sig=};
 *   <li>private keys: PEM {@code -----BEGIN … PRIVATE KEY-----} blocks and JSON
 *       {@code private_key} fields (Google service-account files);
 *   <li>Asaas card data: {@code creditCardToken}, {@code creditCardNumber}, {@code number},
 *       {@code ccv};
 *   <li>the query parameters {@code key=} (Google API keys), {@code sas=} and {@code code=}:
 *       in query strings only, since elsewhere "key" names an object key.
 * </ul>
 *
 * <p>Redact whole texts, then cut: {@link #redactForLog(String, int)} does both in that order.
 *
 * <p><b>Whose documents are masked.</b> Every CPF is masked, always: it identifies a person. A
 * CNPJ is masked too, since the text cannot tell a customer's document from anyone else's, with
 * one exception: the CNPJ of an electricity distributor named in ANEEL's published data (tariffs,
 * tariff components), which is a public company identifier that error messages need in order
 * to name the distributor. Code that names such a distributor writes the number with
 * {@link #distributorCnpj(String)}, which puts the words {@value #DISTRIBUTOR_CNPJ} right before
 * it; a CNPJ directly after those words is left as it is. Nothing else unmasks a CNPJ: a
 * customer's document (an Asaas {@code cpfCnpj}, a CNPJ in a provider's message, a JSON
 * {@code cnpj} field) never goes through that helper, and a CPF after those words is still
 * masked.
 *
 * <p>Redaction is pattern based: it is a safety net, not a reason to pass secrets around as
 * strings. Hold credentials in {@link io.ysh.core.Secret}. Instances are immutable and
 * thread-safe.
 */
public final class Redactor {

  /** What replaces a masked value. */
  public static final String MASK = "****";

  /** The words that mark the CNPJ after them as a distributor's, left unmasked. */
  public static final String DISTRIBUTOR_CNPJ = "distributor CNPJ ";

  private static final Set<String> DEFAULT_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "access_token",
          "asaas-access-token",
          "x-vault-token",
          "x-api-key",
          "api-key",
          "cookie",
          "set-cookie",
          "x-amz-security-token",
          "x-goog-api-key",
          "ocp-apim-subscription-key");

  private static final Set<String> DEFAULT_FIELDS =
      Set.of(
          "password",
          "passwd",
          "pass",
          "secret",
          "secret_id",
          "secretid",
          "client_secret",
          "token",
          "access_token",
          "accesstoken",
          "refresh_token",
          "client_token",
          "apikey",
          "api_key",
          "authtoken",
          "authorization",
          "x-amz-signature",
          "x-amz-credential",
          "x-amz-security-token",
          "x-goog-signature",
          "x-goog-credential",
          "sig",
          "sas",
          "signature",
          "credential",
          "cpfcnpj",
          "cpf",
          "cnpj",
          "creditcardnumber",
          "creditcardtoken",
          "creditcardccv",
          "cardnumber",
          "number",
          "ccv",
          "cvv",
          "private_key",
          "privatekey",
          "secret_access_key",
          "secretaccesskey",
          "aws_secret_access_key",
          "session_token",
          "sessiontoken",
          "accountkey",
          "account_key",
          "sharedaccesskey",
          "sharedaccesssignature",
          "connectionstring",
          "connection_string");

  private static final Redactor DEFAULTS = new Redactor(DEFAULT_HEADERS, DEFAULT_FIELDS);

  // user:password@ in URLs (any scheme). A password may hold '/', '?', '#', '@' unencoded, so
  // everything up to the last '@' of the whitespace-free run is masked (over-masking a path that
  // holds an '@' is the safe mistake).
  private static final Pattern URL_USERINFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\\s:?#]*):(\\S*)@");
  // Bearer / Basic credentials wherever they appear.
  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)\\b(Bearer|Basic|Token)\\s+[A-Za-z0-9._~+/=-]+");
  // Asaas keys: $aact_prod_… / $aact_hmlg_… / $aact_YTU5…
  private static final Pattern ASAAS_KEY = Pattern.compile("\\$aact_[A-Za-z0-9_:.$=+/-]+");
  // Vault service, batch and recovery tokens: hvs.… / hvb.… / hvr.… and the legacy s.… / b.… /
  // r.… (24 or more characters after the dot).
  private static final Pattern VAULT_TOKEN =
      Pattern.compile("\\b(?:hv[sbr]\\.[A-Za-z0-9_-]{10,}|[sbr]\\.[A-Za-z0-9]{24,})");
  // Azure connection-string and SAS parts: AccountKey=…;, SharedAccessKey=…;,
  // SharedAccessSignature=… (to the next ';', the SAS's own '&' included).
  private static final Pattern CONNECTION_STRING_SECRET =
      Pattern.compile("(?i)\\b(AccountKey|SharedAccessKey|SharedAccessSignature)(\\s*=\\s*)[^;\\s\"']+");
  // A PEM private key block, also when the text ends before its END line.
  private static final Pattern PEM_PRIVATE_KEY =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?s:.*?)(?:-----END \\1PRIVATE KEY-----|\\z)");
  // Names masked only as URL query parameters, where they hold credentials (a Google API key=);
  // elsewhere "key" is an object key and must stay readable.
  private static final Pattern QUERY_ONLY = Pattern.compile("(?i)([?&;](?:key|sas|code)=)([^&;#\\s\"']*)");
  // CNPJ: 12 alphanumerics + 2 digits, formatted or bare. CPF: 11 digits, formatted or bare.
  private static final Pattern CNPJ =
      Pattern.compile(
          "(?<![A-Za-z0-9])[A-Za-z0-9]{2}\\.?[A-Za-z0-9]{3}\\.?[A-Za-z0-9]{3}/?[A-Za-z0-9]{4}-?\\d{2}(?![A-Za-z0-9])");
  private static final Pattern CPF =
      Pattern.compile("(?<![0-9A-Za-z])\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}(?![0-9A-Za-z])");

  private final Set<String> headers;
  private final Set<String> fields;
  private final Pattern queryParam;
  private final Pattern jsonField;
  private final Pattern formField;

  private Redactor(Collection<String> headers, Collection<String> fields) {
    this.headers = lowercase(headers);
    this.fields = lowercase(fields);
    String names =
        String.join("|", this.fields.stream().map(Pattern::quote).toArray(String[]::new));
    this.queryParam = Pattern.compile("(?i)([?&;](?:" + names + ")=)([^&;#\\s\"']*)");
    this.jsonField =
        Pattern.compile(
            "(?i)(\"(?:" + names + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*)");
    this.formField = Pattern.compile("(?i)(?<=^|[\\s,;{(])((?:" + names + ")\\s*[=:]\\s*)([^\\s,;&)}\"']+)");
  }

  /**
   * The default redactor, with the header and field names listed in the class documentation.
   *
   * @return the shared default instance
   */
  public static Redactor defaults() {
    return DEFAULTS;
  }

  /**
   * A redactor that also masks the given header and field names (case-insensitive).
   *
   * @param extraHeaders header names whose values are always masked
   * @param extraFields query parameter and JSON field names whose values are masked
   * @return a new redactor
   */
  public Redactor with(Collection<String> extraHeaders, Collection<String> extraFields) {
    Set<String> h = new TreeSet<>(headers);
    h.addAll(lowercase(Objects.requireNonNull(extraHeaders, "extraHeaders")));
    Set<String> f = new TreeSet<>(fields);
    f.addAll(lowercase(Objects.requireNonNull(extraFields, "extraFields")));
    return new Redactor(h, f);
  }

  /**
   * Whether a header's value must never be shown.
   *
   * @param name a header name, any case
   * @return true when the header carries a credential
   */
  public boolean isSensitiveHeader(String name) {
    return name != null && headers.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The value to show for a header: the mask for sensitive headers, else the value with the
   * text rules applied.
   *
   * @param name the header name
   * @param value the header value
   * @return a value safe to log
   */
  public String redactHeader(String name, String value) {
    if (isSensitiveHeader(name)) {
      return MASK;
    }
    return redactText(value);
  }

  /**
   * Masks credentials in a URL: user info, sensitive query parameters, and personal numbers in
   * the path (an Asaas {@code ?cpfCnpj=} filter, for example).
   *
   * @param url a URL or URL-like string; null gives the empty string
   * @return the URL, safe to log
   */
  public String redactUrl(String url) {
    return redactText(url);
  }

  /**
   * Applies every rule to free text: URL user info, auth schemes, API keys, sensitive
   * {@code name=value} pairs, JSON fields, CPF and CNPJ numbers.
   *
   * @param text any text; null gives the empty string
   * @return the text with secrets and personal identifiers masked
   */
  public String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = URL_USERINFO.matcher(text).replaceAll("$1" + MASK + "@");
    s = PEM_PRIVATE_KEY.matcher(s).replaceAll(MASK);
    s = AUTH_SCHEME.matcher(s).replaceAll("$1 " + MASK);
    s = CONNECTION_STRING_SECRET.matcher(s).replaceAll("$1$2" + MASK);
    s = ASAAS_KEY.matcher(s).replaceAll(MASK);
    s = VAULT_TOKEN.matcher(s).replaceAll(MASK);
    s = replaceGroup2(jsonField, s, "\"" + MASK + "\"");
    s = replaceGroup2(queryParam, s, MASK);
    s = replaceGroup2(QUERY_ONLY, s, MASK);
    s = replaceGroup2(formField, s, MASK);
    String before = s;
    s =
        CNPJ.matcher(s)
            .replaceAll(
                m ->
                    looksLikeCnpj(m.group()) && !afterDistributorMarker(before, m.start())
                        ? MASK
                        : Matcher.quoteReplacement(m.group()));
    s = CPF.matcher(s).replaceAll(MASK);
    return s;
  }

  /**
   * Writes a distributor's CNPJ so that {@link #redactText(String)} leaves it unmasked: the words
   * {@value #DISTRIBUTOR_CNPJ} followed by the number. Only for distributors named in ANEEL's
   * published data (their CNPJs are public company identifiers); never for a customer's
   * document.
   *
   * @param cnpj the distributor's CNPJ, formatted or bare
   * @return {@code "distributor CNPJ " + cnpj}
   */
  public static String distributorCnpj(String cnpj) {
    return DISTRIBUTOR_CNPJ + Objects.requireNonNull(cnpj, "cnpj");
  }

  /**
   * Masks a text and only then cuts it to at most {@code maxChars} characters (plus a marker
   * saying how much was cut), so a cut can never fall inside a secret and leave part of it
   * readable: every rule sees the whole text. The cut never splits a surrogate pair.
   *
   * <p>The text given must be whole: a text that was already cut (the first bytes of a larger
   * body) can end inside a secret that no rule recognises any more; do not log such a prefix.
   *
   * @param text the whole text; null gives the empty string
   * @param maxChars the most characters of redacted text to keep, at least 0
   * @return the redacted text, cut to the limit
   * @throws IllegalArgumentException when {@code maxChars} is negative
   */
  public String redactForLog(String text, int maxChars) {
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars must not be negative: " + maxChars);
    }
    String redacted = redactText(text);
    if (redacted.length() <= maxChars) {
      return redacted;
    }
    int cut = maxChars;
    if (cut > 0 && Character.isHighSurrogate(redacted.charAt(cut - 1))) {
      cut--;
    }
    return redacted.substring(0, cut) + "…(" + (redacted.length() - cut) + " more characters)";
  }

  /**
   * Masks a JSON (or form-encoded) body. Same rules as {@link #redactText(String)}.
   *
   * @param body the body text
   * @return the body, safe to log
   */
  public String redactBody(String body) {
    return redactText(body);
  }

  // A 14-character alphanumeric run is only a CNPJ candidate when it has its two numeric check
  // digits and at least one digit in the body: plain words of 14 letters are left alone.
  private static boolean looksLikeCnpj(String candidate) {
    String raw = candidate.replaceAll("[./-]", "");
    if (raw.length() != 14) {
      return false;
    }
    int digits = 0;
    for (int i = 0; i < 12; i++) {
      if (Character.isDigit(raw.charAt(i))) {
        digits++;
      }
    }
    return digits >= 2;
  }

  private static boolean afterDistributorMarker(String text, int start) {
    int from = start - DISTRIBUTOR_CNPJ.length();
    return from >= 0 && text.startsWith(DISTRIBUTOR_CNPJ, from);
  }

  private static String replaceGroup2(Pattern p, String s, String mask) {
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + mask));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  private static Set<String> lowercase(Collection<String> names) {
    Set<String> out = new TreeSet<>();
    for (String n : names) {
      out.add(Objects.requireNonNull(n, "name").toLowerCase(Locale.ROOT));
    }
    return out;
  }

  @Override
  public String toString() {
    return "Redactor" + Arrays.asList(headers.size() + " headers", fields.size() + " fields");
  }
}
