package dev.fedgate.signatures.proof.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.jsonldjava.core.RDFDataset;
import com.github.jsonldjava.core.RDFDatasetUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Urdna2015Test {
  private static String resource(String name) throws Exception {
    try (InputStream in = Urdna2015Test.class.getResourceAsStream("rdf-canon/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String canonicalize(String nquads) {
    return Urdna2015.canonicalize(RDFDatasetUtils.parseNQuads(nquads));
  }

  @Test
  void canonicalize_w3cTest044_needsNDegreeHashing() throws Exception {
    String expected = resource("test044-rdfc10.nq");
    JsonNode map = new ObjectMapper().readTree(resource("test044-rdfc10map.json"));
    String input = expected;
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      // Every label is followed by a space, which keeps c14n1 from matching inside c14n10.
      input = input.replaceAll("_:" + entry.getValue().asText() + "(?= )", "_:tmp" + entry.getKey());
    }
    List<String> lines = new ArrayList<>(List.of(input.replace("_:tmp", "_:").split("\n")));
    Collections.reverse(lines);
    assertThat(canonicalize(String.join("\n", lines) + "\n")).isEqualTo(expected);
  }

  @Test
  void canonicalize_ordersBlankNodesByFirstDegreeHash() {
    // Expected computed independently (Python hashlib): "b"'s blank node has the smaller first-degree hash.
    String input = "<http://a.example/s> <http://a.example/p> _:x .\n"
        + "<http://a.example/s> <http://a.example/p> _:y .\n"
        + "_:x <http://a.example/name> \"a\" .\n"
        + "_:y <http://a.example/name> \"b\" .\n";
    assertThat(canonicalize(input)).isEqualTo("<http://a.example/s> <http://a.example/p> _:c14n0 .\n"
        + "<http://a.example/s> <http://a.example/p> _:c14n1 .\n"
        + "_:c14n0 <http://a.example/name> \"b\" .\n"
        + "_:c14n1 <http://a.example/name> \"a\" .\n");
  }

  @Test
  void canonicalize_escapesOnlyQuoteBackslashLfCrAsJsonLdJs() {
    RDFDataset dataset = new RDFDataset();
    dataset.addTriple("http://a.example/s", "http://a.example/p", "tab\there \u0001 \ud83c\udfac \\ \"q\" \n\r",
        "http://www.w3.org/2001/XMLSchema#string", null);
    assertThat(Urdna2015.canonicalize(dataset))
        .isEqualTo("<http://a.example/s> <http://a.example/p> \"tab\there \u0001 \ud83c\udfac \\\\ \\\"q\\\" \\n\\r\" .\n");
  }

  @Test
  void canonicalize_writesLanguageAndDatatypes() {
    String input = "<http://a.example/s> <http://a.example/p> \"x\"@fr .\n"
        + "<http://a.example/s> <http://a.example/p> \"y\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"
        + "<http://a.example/s> <http://a.example/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://a.example/g> .\n";
    assertThat(canonicalize(input)).isEqualTo(
        "<http://a.example/s> <http://a.example/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://a.example/g> .\n"
        + "<http://a.example/s> <http://a.example/p> \"x\"@fr .\n"
        + "<http://a.example/s> <http://a.example/p> \"y\" .\n");
  }

  @Test
  void canonicalize_symmetricBlankNodeCliqueExceedsTheWorkBound() {
    StringBuilder clique = new StringBuilder();
    int size = 9;
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        if (i != j) {
          clique.append("_:n").append(i).append(" <http://a.example/p> _:n").append(j).append(" .\n");
        }
      }
    }
    assertThatThrownBy(() -> canonicalize(clique.toString())).isInstanceOf(Urdna2015.LimitExceeded.class);
  }
}
