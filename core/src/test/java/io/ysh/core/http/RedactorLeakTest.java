package io.ysh.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Secrets planted at random places in random JSON, header and URL text, then redacted and cut at
 * a random limit: no character of any secret survives.
 *
 * <p><b>The criterion.</b> Secrets are drawn from an alphabet ({@value #SECRET_ALPHABET}) that
 * nothing else in the generated text uses: the filler is lower case and punctuation, and the
 * fixed text of every carrier ({@code "password":}, {@code AccountKey=}, {@code Bearer},
 * {@code -----BEGIN RSA PRIVATE KEY-----}, …) holds none of those letters, nor does the mask or
 * the cut marker. So any character of that alphabet in the output can only come from a secret,
 * and "the output has none of them" is exact: it is stronger than checking every prefix or
 * every 4-character window of the secret (a leak of even one character fails it), and it cannot
 * fail by coincidence with the filler.
 */
class RedactorLeakTest {

  static final String SECRET_ALPHABET = "FHJLMOQUWZ";
  private static final String FILLER_ALPHABET = "abcdefghijklmnopqrstuvwxyz .,:;-_{}[]\"'&?=\n";

  private final Redactor redactor = Redactor.defaults();

  private static Gen<String> from(String alphabet, int min, int max) {
    return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(min, max)
        .map(ix -> ix.stream().map(i -> String.valueOf(alphabet.charAt(i))).reduce("", String::concat));
  }

  /** Each carrier puts a secret into a context the SDK may log. */
  static final List<Function<String, String>> CARRIERS =
      List.of(
          s -> "{\"name\":\"solar\",\"password\":\"" + s + "\",\"value\":\"ok\"}",
          s -> "{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n" + s
              + "\\n-----END PRIVATE KEY-----\\n\",\"client_email\":\"a@b\"}",
          s -> "{\"creditCardToken\":\"" + s + "\"}",
          s -> "{\"creditCard\":{\"holderName\":\"ana\",\"number\":\"" + s + "\",\"ccv\":\"" + s + "\"}}",
          s -> "{\"access_token\": \"" + s + "\"}",
          s -> "Authorization: Bearer " + s,
          s -> "token hvs." + s,
          s -> "token hvb." + s,
          s -> "legacy s." + s + s + s,
          s -> "https://h/p?key=" + s + "&alt=json",
          s -> "https://acct.blob.core.windows.net/c/b?sv=x&se=y&sig=" + s,
          s -> "redis://u:" + s + "@h/db",
          s -> "azblob://acct:" + s + "/" + s + "+" + s + "==@acct/container?x=y",
          s -> "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + s + "+/" + s
              + "==;EndpointSuffix=core.windows.net",
          s -> "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=" + s,
          s -> "BlobEndpoint=https://a/;SharedAccessSignature=sv=x&ss=b&sig=" + s + "%2B",
          s -> "-----BEGIN RSA PRIVATE KEY-----\n" + s + "\n" + s + "\n-----END RSA PRIVATE KEY-----",
          s -> "api key $aact_prod_" + s,
          s -> "password=" + s,
          s -> "x-goog-signature=" + s);

  @Test
  void noCharacterOfAPlantedSecretSurvivesRedactionAndTruncation() {
    Gen<String> filler = from(FILLER_ALPHABET, 0, 300);
    Gen<String> secret = from(SECRET_ALPHABET, 8, 60);
    Gen<Integer> carrier = integers().between(0, CARRIERS.size() - 1);
    Gen<String> separator = Generate.pick(List.of(" ", "\n", ", ", "\t"));
    qt().withExamples(2000)
        .forAll(lists().of(filler).ofSize(3), lists().of(carrier).ofSizeBetween(1, 2), secret, separator)
        .checkAssert(
            (fillers, carriers, s, sep) -> {
              StringBuilder doc = new StringBuilder(fillers.get(0));
              for (int i = 0; i < carriers.size(); i++) {
                doc.append(sep).append(CARRIERS.get(carriers.get(i)).apply(s)).append(sep).append(fillers.get(i + 1));
              }
              String text = doc.toString();
              assertThat(redactor.redactText(text)).as(text).doesNotContainPattern("[" + SECRET_ALPHABET + "]");
              for (int limit : new int[] {0, 1, text.length() / 3, text.length() / 2, text.length() - 1, 4096}) {
                int l = Math.max(0, limit);
                assertThat(redactor.redactForLog(text, l))
                    .as("%s cut at %d", text, l)
                    .doesNotContainPattern("[" + SECRET_ALPHABET + "]");
              }
            });
  }

  @Test
  void aCutInsideASecretCannotExposeItsStart() {
    // The shape the old order (cut, then redact) failed on: the cut falls inside the value, so
    // the field's closing quote is gone and no rule recognised a secret any more.
    String body = "{\"x\":\"" + "a".repeat(4080) + "\",\"password\":\"FHJLMOQUWZFHJL\"}";
    String cutThenRedacted = redactor.redactText(body.substring(0, 4106));
    assertThat(cutThenRedacted).containsPattern("[" + SECRET_ALPHABET + "]");
    assertThat(redactor.redactForLog(body, 4100)).doesNotContainPattern("[" + SECRET_ALPHABET + "]").endsWith("more characters)");
  }

  @Test
  void sensitiveHeadersAreMaskedWholeWhateverTheirValue() {
    qt().withExamples(500)
        .forAll(strings().allPossible().ofLengthBetween(1, 80),
            Generate.pick(List.of("Authorization", "x-vault-token", "access_token", "X-Goog-Api-Key", "Ocp-Apim-Subscription-Key", "Cookie")))
        .checkAssert((value, header) -> assertThat(redactor.redactHeader(header, value)).isEqualTo(Redactor.MASK));
  }

  @Test
  void theNewRulesMaskTheirValuesAndLeaveNeighboursReadable() {
    assertThat(redactor.redactText("token s.AbCdEfGhIjKlMnOpQrStUvWx and hvs.CAESIabcdefghij"))
        .isEqualTo("token **** and ****");
    assertThat(redactor.redactText("AccountName=acct;AccountKey=abc/def+ghi==;EndpointSuffix=core.windows.net"))
        .isEqualTo("AccountName=acct;AccountKey=****;EndpointSuffix=core.windows.net");
    assertThat(redactor.redactUrl("https://maps.googleapis.com/x?key=AIzaSyA-123&alt=json"))
        .isEqualTo("https://maps.googleapis.com/x?key=****&alt=json");
    // "key" outside a query string names an object key and stays readable
    assertThat(redactor.redactText("object key=photos/a.png not found")).isEqualTo("object key=photos/a.png not found");
    assertThat(redactor.redactBody("{\"creditCardToken\":\"76496073-536f-4835-80db-c45d00f33695\",\"value\":10}"))
        .isEqualTo("{\"creditCardToken\":\"****\",\"value\":10}");
    assertThat(redactor.redactText("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY----- tail"))
        .isEqualTo("**** tail");
    assertThat(redactor.redactText("cut -----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN")).isEqualTo("cut ****");
  }
}
