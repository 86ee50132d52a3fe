package dev.fedgate.signatures.proof;

import static dev.fedgate.signatures.proof.DataIntegrityProofTest.bytes;
import static dev.fedgate.signatures.proof.DataIntegrityProofTest.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.PublicKeyVerify;
import dev.fedgate.signatures.proof.internal.BoundedJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentProofsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

  private static ObjectNode fepSigned() {
    return TestKeys.vector("fep-8b32-eddsa-jcs-2022.json").get("fep_8b32").get("signed_document").deepCopy();
  }

  private static ObjectNode ldSigned() {
    return TestKeys.vector("ld-signature-rsasignature2017.json").get("signed_activity").deepCopy();
  }

  @Test
  void parse_withoutProofOrSignature_isNoProof() {
    assertThat(reason((ProofResult) DocumentProofs.parse("{\"type\":\"Note\",\"proof\":null}".getBytes(
        StandardCharsets.UTF_8)))).isEqualTo(ProofRejectReason.NO_PROOF);
  }

  @Test
  void parse_notAJsonObject_isMalformed() {
    for (String input : List.of("", "[]", "\"x\"", "{", "{\"a\":1}x", "{\"a\":1,\"a\":2}", "{\"a\":" + "[".repeat(40))) {
      assertThat(reason((ProofResult) DocumentProofs.parse(input.getBytes(StandardCharsets.UTF_8))))
          .as(input).isEqualTo(ProofRejectReason.MALFORMED);
    }
  }

  @Test
  void parse_oversizedDocument_isLimitExceeded() {
    byte[] big = ("{\"content\":\"" + "x".repeat(BoundedJson.MAX_DOCUMENT_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(reason((ProofResult) DocumentProofs.parse(big))).isEqualTo(ProofRejectReason.LIMIT_EXCEEDED);
  }

  @Test
  void parse_prefersDataIntegrityProofOverLdSignature() throws Exception {
    ObjectNode both = fepSigned();
    both.set("signature", ldSigned().get("signature"));
    assertThat(((ParsedProof) DocumentProofs.parse(bytes(both))).suite()).isEqualTo(ProofSuite.EDDSA_JCS_2022);
  }

  @Test
  void parse_unsupportedProofFallsBackToLdSignature() throws Exception {
    ObjectNode both = ldSigned();
    both.putObject("proof").put("type", "DataIntegrityProof").put("cryptosuite", "eddsa-rdfc-2022");
    ParsedProof proof = (ParsedProof) DocumentProofs.parse(bytes(both));
    assertThat(proof.suite()).isEqualTo(ProofSuite.RSA_SIGNATURE_2017);
    assertThat(proof.keyId()).isEqualTo(URI.create("https://video.example/accounts/alice#main-key"));
  }

  @Test
  void sign_refusesDocumentsItCannotSign() throws Exception {
    assertThatThrownBy(() -> DocumentProofs.sign("[1]".getBytes(StandardCharsets.UTF_8), TestKeys.fepSigner(),
        URI.create("https://a.example/k"), NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentProofs.sign(bytes(fepSigned()), TestKeys.fepSigner(),
        URI.create("https://a.example/k"), NOW)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Thousands of generated mutations of both signed vectors (byte flips, truncations, member replacements with
   * random JSON): parse and verify always answer with a result, and a mutated document never verifies.
   */
  @Test
  void generatedGarbage_neverThrowsAndNeverVerifies() throws Exception {
    Random random = new Random(20261125L);
    List<byte[]> seeds = List.of(bytes(fepSigned()), bytes(ldSigned()));
    List<PublicKeyVerify> keys = List.of(TestKeys.fepVerifier(), TestKeys.rsaVerifier());
    int verified = 0;
    for (int i = 0; i < 3000; i++) {
      int which = i % 2;
      byte[] input = mutate(seeds.get(which), random);
      ProofParse parsed = DocumentProofs.parse(input);
      assertThat(parsed).isNotNull();
      if (parsed instanceof ParsedProof proof) {
        ProofResult result = proof.verify(keys.get(which), NOW);
        assertThat(result).isNotNull();
        if (result instanceof ProofResult.Verified) {
          verified++;
          assertThat(sameDocument(input, seeds.get(which))).as(new String(input, StandardCharsets.UTF_8)).isTrue();
        }
      }
    }
    assertThat(verified).isLessThan(3000);
  }

  /**
   * Whether a verified mutation says what the seed says. For an LD signature (which signs a graph) that is: the same
   * JSON once what the graph cannot hold is set aside: null members ("absent"), the signature's id and @context
   * (left out of the signed options), the document's {@code @context} (a verified document's context gives the
   * signed graph), and the order, repetition and one-element wrapping of array values (RDF values are sets; see the
   * docs). An eddsa-jcs-2022 proof signs the canonical JSON itself, so there the JSON must be equal.
   */
  private static boolean sameDocument(byte[] a, byte[] b) throws Exception {
    JsonNode left = JSON.readTree(a);
    JsonNode right = JSON.readTree(b);
    if (!right.has("signature")) {
      return left.equals(right);
    }
    return graphView(left, true).equals(graphView(right, true));
  }

  private static Object graphView(JsonNode node, boolean top) {
    if (node.isObject()) {
      java.util.TreeMap<String, Object> map = new java.util.TreeMap<>();
      node.properties().forEach(e -> {
        boolean unsigned = e.getValue().isNull() || (top && e.getKey().equals("@context"));
        if (!unsigned) {
          map.put(e.getKey(), graphView(e.getValue(), false));
        }
      });
      if (top && map.get("signature") instanceof java.util.Map<?, ?> signature) {
        signature.remove("id");
        signature.remove("@context");
      }
      return map;
    }
    if (node.isArray()) {
      java.util.Map<String, Object> distinct = new java.util.TreeMap<>();
      node.elements().forEachRemaining(e -> {
        Object view = graphView(e, false);
        distinct.put(String.valueOf(view), view);
      });
      return distinct.size() == 1 ? distinct.values().iterator().next() : distinct.keySet();
    }
    return node.toString();
  }

  private static byte[] mutate(byte[] seed, Random random) throws Exception {
    switch (random.nextInt(4)) {
      case 0: {
        byte[] copy = seed.clone();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
      }
      case 1:
        return java.util.Arrays.copyOf(seed, random.nextInt(seed.length));
      default: {
        ObjectNode document = (ObjectNode) JSON.readTree(seed);
        replaceRandomMember(document, random);
        return JSON.writeValueAsBytes(document);
      }
    }
  }

  private static void replaceRandomMember(ObjectNode document, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(document, objects);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>();
    target.fieldNames().forEachRemaining(names::add);
    String[] keywords = {"@graph", "@reverse", "@included", "@context", "@id", "@type", "@value", "@list", "id", "type"};
    String name = random.nextBoolean() && !names.isEmpty() ? names.get(random.nextInt(names.size()))
        : keywords[random.nextInt(keywords.length)];
    target.set(name, randomJson(random, 3));
  }

  private static void collect(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode object) {
      out.add(object);
    }
    node.elements().forEachRemaining(child -> collect(child, out));
  }

  private static JsonNode randomJson(Random random, int depth) {
    String[] strings = {"", "x", "_:b0", "https://evil.example/", "@graph", "relative", "2024-01-01T00:00:00Z",
        "https://www.w3.org/ns/activitystreams", "z2HnFSS", "\ud83c\udfac", "eddsa-jcs-2022", "RsaSignature2017"};
    switch (depth <= 0 ? random.nextInt(4) : random.nextInt(6)) {
      case 0:
        return JSON.getNodeFactory().textNode(strings[random.nextInt(strings.length)]);
      case 1:
        return JSON.getNodeFactory().numberNode(random.nextInt(3) == 0 ? random.nextDouble() * 1e30 : random.nextInt());
      case 2:
        return JSON.getNodeFactory().booleanNode(random.nextBoolean());
      case 3:
        return JSON.getNodeFactory().nullNode();
      case 4: {
        var array = JSON.createArrayNode();
        for (int n = random.nextInt(4); n > 0; n--) {
          array.add(randomJson(random, depth - 1));
        }
        return array;
      }
      default: {
        ObjectNode object = JSON.createObjectNode();
        for (int n = random.nextInt(4); n > 0; n--) {
          object.set(strings[random.nextInt(strings.length)], randomJson(random, depth - 1));
        }
        return object;
      }
    }
  }
}
