package dev.fedgate.signatures.proof.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.testdata.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class CanonicalNQuadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode vector() throws Exception {
    return JSON.readTree(Files.readString(SharedData.vector("ld-signature-rsasignature2017.json")));
  }

  @Test
  void of_optionsMatchVector() throws Exception {
    JsonNode v = vector();
    assertThat(CanonicalNQuads.of(CanonicalNQuads.toJsonLd(v.get("options"))))
        .isEqualTo(v.get("options_nquads").asText());
  }

  @Test
  void of_documentWithAstralCharacterMatchesJsonLdJs() throws Exception {
    JsonNode v = vector();
    assertThat(CanonicalNQuads.of(CanonicalNQuads.toJsonLd(v.get("unsigned_activity"))))
        .isEqualTo(v.get("document_nquads").asText());
  }

  @Test
  void toBeSigned_matchesVector() throws Exception {
    JsonNode v = vector();
    byte[] toBeSigned = LdSignatureInput.toBeSigned(v.get("options_nquads").asText(),
        v.get("document_nquads").asText());
    assertThat(new String(toBeSigned, StandardCharsets.US_ASCII)).isEqualTo(v.get("to_be_signed").asText());
  }

  /**
   * The commonest Mastodon shape with two blank nodes. The expected labels were computed by hand (Python hashlib);
   * jsonld-java's own normalize (URGNA2012) labels this one the other way round.
   */
  private static final String MENTION_AND_HASHTAG = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\","
      + "{\"Hashtag\":\"as:Hashtag\"}],\"id\":\"https://social.example/users/bob/statuses/1\",\"type\":\"Note\","
      + "\"tag\":[{\"type\":\"Mention\",\"href\":\"https://video.example/accounts/alice\","
      + "\"name\":\"@alice@video.example\"},{\"type\":\"Hashtag\",\"href\":\"https://social.example/tags/video\","
      + "\"name\":\"#fediverse\"}]}";

  @Test
  void of_labelsTwoBlankNodesByUrdna2015() throws Exception {
    String note = "<https://social.example/users/bob/statuses/1> ";
    String as = "<https://www.w3.org/ns/activitystreams#";
    String type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ";
    assertThat(CanonicalNQuads.of(CanonicalNQuads.toJsonLd(JSON.readTree(MENTION_AND_HASHTAG)))).isEqualTo(
        note + type + as + "Note> .\n"
        + note + as + "tag> _:c14n0 .\n"
        + note + as + "tag> _:c14n1 .\n"
        + "_:c14n0 " + type + as + "Mention> .\n"
        + "_:c14n0 " + as + "href> <https://video.example/accounts/alice> .\n"
        + "_:c14n0 " + as + "name> \"@alice@video.example\" .\n"
        + "_:c14n1 " + type + as + "Hashtag> .\n"
        + "_:c14n1 " + as + "href> <https://social.example/tags/video> .\n"
        + "_:c14n1 " + as + "name> \"#fediverse\" .\n");
  }

  @Test
  void of_writesIntegralNumbersAsIntegersLikeJsonLdJs() throws Exception {
    JsonNode doc = JSON.readTree("{\"@context\":\"https://www.w3.org/ns/activitystreams\","
        + "\"id\":\"https://a.example/x\",\"https://a.example/ns#n\":[1.0,2.5]}");
    assertThat(CanonicalNQuads.of(CanonicalNQuads.toJsonLd(doc)))
        .contains("\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>")
        .contains("\"2.5E0\"^^<http://www.w3.org/2001/XMLSchema#double>");
  }
}
