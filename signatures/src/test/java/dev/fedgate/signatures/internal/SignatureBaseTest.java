package dev.fedgate.signatures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpResponse;
import dev.fedgate.signatures.HttpMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;
import org.junit.jupiter.api.Test;

/** Component values from the examples of RFC 9421 §2.1 and §2.2 (field parameters, derived components). */
class SignatureBaseTest {
  static final String PARAMS = "();created=1";

  static String line(HttpMessage message, String component) throws ComponentException {
    List<StringItem> items = new ArrayList<>();
    for (Item<? extends Object> item : Parser.parseInnerList("(" + component + ")").get()) {
      items.add((StringItem) item);
    }
    String base = SignatureBase.build(message, items, PARAMS);
    return base.substring(0, base.lastIndexOf('\n'));
  }

  static HttpRequest request(String target, String... headers) {
    return HttpRequest.of("POST", URI.create(target), HttpHeaders.of(headers));
  }

  @Test
  void structuredFieldParameters_section21() throws Exception {
    HttpRequest r = request("https://example.com/", "Example-Dict", " a=1,    b=2;x=1;y=2,   c=(a   b   c)", "Example-Dict", "d");

    assertThat(line(r, "\"example-dict\"")).isEqualTo("\"example-dict\": a=1,    b=2;x=1;y=2,   c=(a   b   c), d");
    assertThat(line(r, "\"example-dict\";sf")).isEqualTo("\"example-dict\";sf: a=1, b=2;x=1;y=2, c=(a b c), d");
    assertThat(line(r, "\"example-dict\";key=\"a\"")).isEqualTo("\"example-dict\";key=\"a\": 1");
    assertThat(line(r, "\"example-dict\";key=\"b\"")).isEqualTo("\"example-dict\";key=\"b\": 2;x=1;y=2");
    assertThat(line(r, "\"example-dict\";key=\"c\"")).isEqualTo("\"example-dict\";key=\"c\": (a b c)");
    assertThat(line(r, "\"example-dict\";key=\"d\"")).isEqualTo("\"example-dict\";key=\"d\": ?1");
    assertThatThrownBy(() -> line(r, "\"example-dict\";key=\"zz\"")).isInstanceOf(ComponentException.class);
  }

  @Test
  void byteSequenceParameter_wrapsEachLine_section213() throws Exception {
    HttpRequest r = request("https://example.com/", "Example-Header", "value, with, lots", "Example-Header", "of, commas");

    assertThat(line(r, "\"example-header\"")).isEqualTo("\"example-header\": value, with, lots, of, commas");
    assertThat(line(r, "\"example-header\";bs")).isEqualTo("\"example-header\";bs: :dmFsdWUsIHdpdGgsIGxvdHM=:, :b2YsIGNvbW1hcw==:");
  }

  @Test
  void derivedComponents_section22() throws Exception {
    HttpRequest r = request("https://www.Example.com:443/path?param=value&foo=bar&baz=batman&qux=");

    assertThat(line(r, "\"@method\"")).isEqualTo("\"@method\": POST");
    assertThat(line(r, "\"@authority\"")).isEqualTo("\"@authority\": www.example.com");
    assertThat(line(r, "\"@scheme\"")).isEqualTo("\"@scheme\": https");
    assertThat(line(r, "\"@request-target\"")).isEqualTo("\"@request-target\": /path?param=value&foo=bar&baz=batman&qux=");
    assertThat(line(r, "\"@path\"")).isEqualTo("\"@path\": /path");
    assertThat(line(r, "\"@query\"")).isEqualTo("\"@query\": ?param=value&foo=bar&baz=batman&qux=");
    assertThat(line(r, "\"@query-param\";name=\"baz\"")).isEqualTo("\"@query-param\";name=\"baz\": batman");
    assertThat(line(r, "\"@query-param\";name=\"qux\"")).isEqualTo("\"@query-param\";name=\"qux\": ");
    assertThat(line(request("https://example.com/path"), "\"@query\"")).isEqualTo("\"@query\": ?");
  }

  @Test
  void queryParameters_areDecodedThenReEncoded_section228() throws Exception {
    HttpRequest r = request("https://example.com/parameters?var=this%20is%20a%20big%0Avalue&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something");

    assertThat(line(r, "\"@query-param\";name=\"var\"")).isEqualTo("\"@query-param\";name=\"var\": this%20is%20a%20big%0Avalue");
    assertThat(line(r, "\"@query-param\";name=\"bar\"")).isEqualTo("\"@query-param\";name=\"bar\": with%20plus%20whitespace");
    assertThat(line(r, "\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\"")).isEqualTo("\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\": something");
    assertThatThrownBy(() -> line(r, "\"@query-param\";name=\"absent\"")).isInstanceOf(ComponentException.class);
    assertThatThrownBy(() -> line(r, "\"@query-param\"")).isInstanceOf(ComponentException.class);
  }

  @Test
  void statusAndRequestBoundComponents_inAResponse() throws Exception {
    HttpRequest req = request("https://example.com/foo", "Content-Digest", "sha-256=:AA==:");
    HttpResponse response = HttpResponse.of(503, HttpHeaders.of("Content-Type", "text/plain"), new byte[0], Optional.of(req));

    assertThat(line(response, "\"@status\"")).isEqualTo("\"@status\": 503");
    assertThat(line(response, "\"@authority\";req")).isEqualTo("\"@authority\";req: example.com");
    assertThat(line(response, "\"content-digest\";req")).isEqualTo("\"content-digest\";req: sha-256=:AA==:");
    assertThatThrownBy(() -> line(response, "\"@method\"")).isInstanceOf(ComponentException.class);
    assertThatThrownBy(() -> line(req, "\"@status\"")).isInstanceOf(ComponentException.class);
  }

  @Test
  void unknownOrMisspelledComponents_areRefused() {
    HttpRequest r = request("https://example.com/", "X", "1");
    assertThatThrownBy(() -> line(r, "\"@nope\"")).isInstanceOf(ComponentException.class);
    assertThatThrownBy(() -> line(r, "\"X\"")).isInstanceOf(ComponentException.class);
    assertThatThrownBy(() -> line(r, "\"x\";tr")).isInstanceOf(ComponentException.class);
    assertThatThrownBy(() -> line(r, "\"y\"")).isInstanceOf(ComponentException.class).hasMessageContaining("absent");
  }
}
