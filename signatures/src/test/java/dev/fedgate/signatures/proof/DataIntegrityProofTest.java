package dev.fedgate.signatures.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.signatures.proof.ProofResult.Rejected;
import dev.fedgate.signatures.proof.ProofResult.Verified;
import dev.fedgate.signatures.proof.internal.Base58Btc;
import dev.fedgate.signatures.proof.internal.EddsaJcs2022;
import dev.fedgate.signatures.proof.internal.Jcs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataIntegrityProofTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

  private static JsonNode fep() {
    return TestKeys.vector("fep-8b32-eddsa-jcs-2022.json").get("fep_8b32");
  }

  private static JsonNode w3c() {
    return TestKeys.vector("fep-8b32-eddsa-jcs-2022.json").get("vc_di_eddsa_jcs_2022");
  }

  static byte[] bytes(JsonNode node) throws Exception {
    return JSON.writeValueAsBytes(node);
  }

  static ProofResult verify(JsonNode document) throws Exception {
    ProofParse parsed = DocumentProofs.parse(bytes(document));
    return parsed instanceof ParsedProof proof ? proof.verify(TestKeys.fepVerifier(), NOW) : (Rejected) parsed;
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void intermediates_matchFep8b32Vector() throws Exception {
    JsonNode v = fep();
    JsonNode intermediate = v.get("intermediate_computed_by_us");
    ObjectNode proofConfig = v.get("signed_document").get("proof").deepCopy();
    proofConfig.remove("proofValue");
    ObjectNode unsigned = (ObjectNode) v.get("unsigned_document");

    assertThat(utf8(Jcs.canonicalize(proofConfig))).isEqualTo(intermediate.get("proof_config_jcs").asText());
    assertThat(utf8(Jcs.canonicalize(unsigned))).isEqualTo(intermediate.get("document_jcs").asText());
    byte[] hashData = EddsaJcs2022.hashData(proofConfig, unsigned);
    assertThat(HEX.formatHex(hashData)).isEqualTo(intermediate.get("hash_data_hex").asText());
    assertThat(Base58Btc.encodeMultibase(TestKeys.fepSigner().sign(hashData)))
        .isEqualTo(v.get("signed_document").get("proof").get("proofValue").asText());
  }

  @Test
  void intermediates_matchW3cVector() throws Exception {
    JsonNode expected = w3c().get("expected");
    ObjectNode proofConfig = w3c().get("signed_document").get("proof").deepCopy();
    proofConfig.remove("proofValue");
    ObjectNode unsigned = w3c().get("signed_document").deepCopy();
    unsigned.remove("proof");

    byte[] canonDoc = Jcs.canonicalize(unsigned);
    byte[] proofCanon = Jcs.canonicalize(proofConfig);
    assertThat(utf8(canonDoc)).isEqualTo(expected.get("canonDoc").asText());
    assertThat(utf8(proofCanon)).isEqualTo(expected.get("proofCanon").asText());
    assertThat(HEX.formatHex(sha256(canonDoc))).isEqualTo(expected.get("docHash").asText());
    assertThat(HEX.formatHex(sha256(proofCanon))).isEqualTo(expected.get("proofHash").asText());
    byte[] hashData = EddsaJcs2022.hashData(proofConfig, unsigned);
    assertThat(HEX.formatHex(hashData)).isEqualTo(expected.get("combinedHash").asText());
    byte[] signature = TestKeys.fepSigner().sign(hashData);
    assertThat(HEX.formatHex(signature)).isEqualTo(expected.get("sigHex").asText());
    assertThat(Base58Btc.encodeMultibase(signature)).isEqualTo(expected.get("sigBTC58").asText());
  }

  @Test
  void verify_fep8b32SignedDocument() throws Exception {
    ProofResult result = verify(fep().get("signed_document"));
    assertThat(result).isEqualTo(new Verified(URI.create(fep().get("verificationMethod").asText()),
        ProofSuite.EDDSA_JCS_2022, Optional.of(Instant.parse(fep().get("created").asText()))));
  }

  @Test
  void verify_w3cSignedCredential() throws Exception {
    assertThat(verify(w3c().get("signed_document"))).isInstanceOf(Verified.class);
  }

  @Test
  void sign_reproducesFep8b32SignedDocument() throws Exception {
    JsonNode v = fep();
    byte[] signed = DocumentProofs.sign(bytes(v.get("unsigned_document")), TestKeys.fepSigner(),
        URI.create(v.get("verificationMethod").asText()), Instant.parse(v.get("created").asText()));
    assertThat(JSON.readTree(signed)).isEqualTo(v.get("signed_document"));
  }

  @Test
  void sign_thenVerify_roundTripsWithoutContext() throws Exception {
    byte[] signed = DocumentProofs.sign("{\"type\":\"Note\",\"content\":\"caf\u00e9 \ud83c\udfac\"}"
        .getBytes(StandardCharsets.UTF_8), TestKeys.fepSigner(), URI.create("https://a.example/u#k"), NOW);
    assertThat(verify(JSON.readTree(signed))).isInstanceOf(Verified.class);
    assertThat(JSON.readTree(signed).get("proof").has("@context")).isFalse();
  }

  @Test
  void verify_tamperedContent_isBadSignature() throws Exception {
    ObjectNode doc = fep().get("signed_document").deepCopy();
    ((ObjectNode) doc.get("object")).put("content", "Hello world!");
    assertThat(verify(doc)).extracting(r -> ((Rejected) r).reason()).isEqualTo(ProofRejectReason.BAD_SIGNATURE);
  }

  @Test
  void verify_tamperedProofCreated_isBadSignature() throws Exception {
    ObjectNode doc = fep().get("signed_document").deepCopy();
    ((ObjectNode) doc.get("proof")).put("created", "2023-02-24T23:36:39Z");
    assertThat(reason(verify(doc))).isEqualTo(ProofRejectReason.BAD_SIGNATURE);
  }

  @Test
  void verify_otherKey_isBadSignature() throws Exception {
    ParsedProof proof = (ParsedProof) DocumentProofs.parse(bytes(fep().get("signed_document")));
    assertThat(reason(proof.verify(TestKeys.otherEd25519Verifier(), NOW))).isEqualTo(ProofRejectReason.BAD_SIGNATURE);
    assertThat(reason(proof.verify(TestKeys.rsaVerifier(), NOW))).isEqualTo(ProofRejectReason.BAD_SIGNATURE);
  }

  @Test
  void verify_createdBeyondClockSkew_isRefused() throws Exception {
    Instant created = NOW.plus(DocumentProofs.CLOCK_SKEW).plusSeconds(1);
    byte[] signed = DocumentProofs.sign("{\"type\":\"Note\"}".getBytes(StandardCharsets.UTF_8),
        TestKeys.fepSigner(), URI.create("https://a.example/u#k"), created);
    assertThat(reason(verify(JSON.readTree(signed)))).isEqualTo(ProofRejectReason.CREATED_IN_FUTURE);
    byte[] withinSkew = DocumentProofs.sign("{\"type\":\"Note\"}".getBytes(StandardCharsets.UTF_8),
        TestKeys.fepSigner(), URI.create("https://a.example/u#k"), NOW.plus(Duration.ofMinutes(59)));
    assertThat(verify(JSON.readTree(withinSkew))).isInstanceOf(Verified.class);
  }

  @Test
  void verify_expiredProof_isRefused() throws Exception {
    ObjectNode doc = JSON.createObjectNode().put("type", "Note");
    ObjectNode proof = JSON.createObjectNode().put("type", "DataIntegrityProof").put("cryptosuite", "eddsa-jcs-2022")
        .put("verificationMethod", "https://a.example/u#k").put("proofPurpose", "assertionMethod")
        .put("created", "2024-01-01T00:00:00Z").put("expires", "2024-05-31T23:59:59Z");
    proof.put("proofValue", Base58Btc.encodeMultibase(TestKeys.fepSigner().sign(EddsaJcs2022.hashData(proof, doc))));
    doc.set("proof", proof);
    assertThat(reason(verify(doc))).isEqualTo(ProofRejectReason.EXPIRED);
  }

  @Test
  void parse_unsupportedCryptosuiteOrPurpose_isRefused() throws Exception {
    ObjectNode otherSuite = fep().get("signed_document").deepCopy();
    ((ObjectNode) otherSuite.get("proof")).put("cryptosuite", "eddsa-rdfc-2022");
    assertThat(reason(verify(otherSuite))).isEqualTo(ProofRejectReason.UNSUPPORTED_SUITE);
    ObjectNode otherPurpose = fep().get("signed_document").deepCopy();
    ((ObjectNode) otherPurpose.get("proof")).put("proofPurpose", "authentication");
    assertThat(reason(verify(otherPurpose))).isEqualTo(ProofRejectReason.UNSUPPORTED_SUITE);
  }

  @Test
  void parse_malformedProofMembers_areRefused() throws Exception {
    for (String[] change : new String[][] {
        {"proofValue", "uAAAA"}, {"proofValue", "z2"}, {"verificationMethod", "relative#key"},
        {"created", "yesterday"}, {"created", "2023-02-24T23:36:38"}}) {
      ObjectNode doc = fep().get("signed_document").deepCopy();
      ((ObjectNode) doc.get("proof")).put(change[0], change[1]);
      assertThat(reason(verify(doc))).as(change[0] + "=" + change[1]).isEqualTo(ProofRejectReason.MALFORMED);
    }
  }

  @Test
  void parse_proofContextDifferentFromDocument_isMalformed() throws Exception {
    ObjectNode doc = fep().get("signed_document").deepCopy();
    ((ArrayNode) doc.get("@context")).add("https://w3id.org/security/v1");
    assertThat(reason(verify(doc))).isEqualTo(ProofRejectReason.MALFORMED);
  }

  @Test
  void parse_proofSet_verifiesTheEddsaJcsMember() throws Exception {
    ObjectNode doc = fep().get("signed_document").deepCopy();
    ArrayNode set = JSON.createArrayNode();
    set.addObject().put("type", "DataIntegrityProof").put("cryptosuite", "ecdsa-jcs-2019");
    set.add(doc.get("proof"));
    doc.set("proof", set);
    assertThat(verify(doc)).isInstanceOf(Verified.class);
  }

  static ProofRejectReason reason(ProofResult result) {
    assertThat(result).isInstanceOf(Rejected.class);
    return ((Rejected) result).reason();
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }
}
