package dev.fedgate.signatures.proof;

import static dev.fedgate.signatures.proof.DataIntegrityProofTest.bytes;
import static dev.fedgate.signatures.proof.DataIntegrityProofTest.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.PublicKeyVerify;
import dev.fedgate.signatures.proof.ProofResult.Rejected;
import dev.fedgate.signatures.proof.ProofResult.Verified;
import dev.fedgate.testdata.SharedData;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RsaSignature2017Test {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
  private static final String BOB = "https://social.example/users/bob";
  private static final String KEY = BOB + "#main-key";
  /** Mastodon's activity context (4.x), as its serializers write it. */
  private static final String MASTODON_CONTEXT = "[\"https://www.w3.org/ns/activitystreams\","
      + "\"https://w3id.org/security/v1\",{\"manuallyApprovesFollowers\":\"as:manuallyApprovesFollowers\","
      + "\"sensitive\":\"as:sensitive\",\"Hashtag\":\"as:Hashtag\",\"toot\":\"http://joinmastodon.org/ns#\","
      + "\"Emoji\":\"toot:Emoji\",\"ostatus\":\"http://ostatus.org#\",\"atomUri\":\"ostatus:atomUri\","
      + "\"conversation\":\"ostatus:conversation\",\"blurhash\":\"toot:blurhash\","
      + "\"focalPoint\":{\"@container\":\"@list\",\"@id\":\"toot:focalPoint\"}}]";

  static ProofResult verify(JsonNode document, PublicKeyVerify key) throws Exception {
    ProofParse parsed = DocumentProofs.parse(bytes(document));
    return parsed instanceof ParsedProof proof ? proof.verify(key, NOW) : (Rejected) parsed;
  }

  private static ProofResult verify(JsonNode document) throws Exception {
    return verify(document, TestKeys.rsaVerifier());
  }

  private static ObjectNode signed(ObjectNode unsigned) throws Exception {
    return LdTestSigner.sign(unsigned, KEY, "2024-05-01T10:00:00Z", TestKeys.rsaSigner());
  }

  private static ObjectNode parse(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  /** A reply from Bob that Alice's server forwards to her followers: Bob signed it, Alice's server sends it. */
  private static ObjectNode forwardedReply() throws Exception {
    return parse("{\"@context\":" + MASTODON_CONTEXT + ",\"id\":\"" + BOB + "/statuses/1/activity\",\"type\":\"Create\","
        + "\"actor\":\"" + BOB + "\",\"published\":\"2024-05-01T10:00:00Z\","
        + "\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],\"cc\":[\"" + BOB + "/followers\","
        + "\"https://video.example/accounts/alice\"],\"object\":{\"id\":\"" + BOB + "/statuses/1\",\"type\":\"Note\","
        + "\"summary\":null,\"inReplyTo\":\"https://video.example/videos/watch/5f0c\","
        + "\"published\":\"2024-05-01T10:00:00Z\",\"url\":\"https://social.example/@bob/1\","
        + "\"attributedTo\":\"" + BOB + "\",\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],"
        + "\"cc\":[\"" + BOB + "/followers\"],\"sensitive\":false,\"atomUri\":\"" + BOB + "/statuses/1\","
        + "\"conversation\":\"tag:social.example,2024-05-01:objectId=7:objectType=Conversation\","
        + "\"content\":\"<p>Tr\u00e8s bien \ud83c\udfac\ud83d\udc4d :blobcat: #Video</p>\","
        + "\"contentMap\":{\"fr\":\"<p>Tr\u00e8s bien \ud83c\udfac\ud83d\udc4d :blobcat: #Video</p>\"},"
        + "\"attachment\":[],\"tag\":[{\"type\":\"Mention\",\"href\":\"https://video.example/accounts/alice\","
        + "\"name\":\"@alice@video.example\"},{\"type\":\"Hashtag\",\"href\":\"https://social.example/tags/video\","
        + "\"name\":\"#video\"},{\"id\":\"https://social.example/emojis/9\",\"type\":\"Emoji\",\"name\":\":blobcat:\","
        + "\"icon\":{\"type\":\"Image\",\"mediaType\":\"image/png\",\"url\":\"https://social.example/blobcat.png\"}}]}}");
  }

  /** Bob undoes his boost: the signed activity embeds another activity (the shape GHSA-9rfg-v8g9-9367 abuses). */
  private static ObjectNode undoAnnounce() throws Exception {
    return parse("{\"@context\":" + MASTODON_CONTEXT + ",\"id\":\"" + BOB + "#announces/5/undo\",\"type\":\"Undo\","
        + "\"actor\":\"" + BOB + "\",\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],"
        + "\"object\":" + announce() + "}");
  }

  private static String announce() {
    return "{\"id\":\"" + BOB + "/statuses/5/activity\",\"type\":\"Announce\",\"actor\":\"" + BOB + "\","
        + "\"published\":\"2024-05-01T09:00:00Z\",\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],"
        + "\"object\":\"https://video.example/videos/watch/5f0c\"}";
  }

  @Test
  void verify_rsaSignature2017Vector() throws Exception {
    JsonNode vector = TestKeys.vector("ld-signature-rsasignature2017.json");
    assertThat(verify(vector.get("signed_activity"))).isEqualTo(new Verified(
        URI.create("https://video.example/accounts/alice#main-key"), ProofSuite.RSA_SIGNATURE_2017,
        Optional.of(Instant.parse("2024-01-01T00:00:00Z"))));
  }

  @Test
  void verify_mastodonForwardedCreateNote() throws Exception {
    ObjectNode signed = signed(forwardedReply());
    assertThat(verify(signed)).isEqualTo(new Verified(URI.create(KEY), ProofSuite.RSA_SIGNATURE_2017,
        Optional.of(Instant.parse("2024-05-01T10:00:00Z"))));
  }

  @Test
  void verify_senderTypingKnownTermsItsOwnWay() throws Exception {
    // Older Mastodon typed movedTo as text, PeerTube maps PropertyValue into http://schema.org/: same meaning to a
    // JSON reader, so both verify.
    ObjectNode update = parse("{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\","
        + "{\"movedTo\":\"as:movedTo\",\"sc\":\"http://schema.org/\",\"PropertyValue\":\"sc:PropertyValue\","
        + "\"value\":\"sc:value\"}],\"id\":\"" + BOB + "#updates/2\",\"type\":\"Update\",\"actor\":\"" + BOB + "\","
        + "\"object\":{\"id\":\"" + BOB + "\",\"type\":\"Person\",\"movedTo\":\"https://new.example/users/bob\","
        + "\"attachment\":[{\"type\":\"PropertyValue\",\"name\":\"Site\",\"value\":\"https://bob.example\"}]}}");
    assertThat(verify(signed(update))).isInstanceOf(Verified.class);
  }

  @Test
  void verify_harmlessVariantsOfOtherServers() throws Exception {
    // ActivityStreams at its http URL (older Mastodon), a nested @context repeating the document's (BookWyrm), a
    // signature carrying its own @context (Hubzilla; Mastodon replaces it by identity v1 too).
    ObjectNode document = forwardedReply();
    ((ArrayNode) document.get("@context")).set(0, JSON.getNodeFactory().textNode("http://www.w3.org/ns/activitystreams"));
    ((ObjectNode) document.get("object")).set("@context", document.get("@context").deepCopy());
    ObjectNode signed = signed(document);
    ((ObjectNode) signed.get("signature")).putArray("@context").add("https://w3id.org/security/v1");
    assertThat(verify(signed)).isInstanceOf(Verified.class);
    ((ObjectNode) signed.get("object")).set("@context", JSON.getNodeFactory().textNode("https://w3id.org/security/v1"));
    assertThat(reason(verify(signed))).as("a nested context that differs").isEqualTo(ProofRejectReason.RESTRUCTURED);
  }

  @Test
  void verify_tamperedContentOrOptions_isBadSignature() throws Exception {
    ObjectNode content = signed(forwardedReply());
    ((ObjectNode) content.get("object")).put("content", "<p>Tr\u00e8s mal</p>");
    assertThat(reason(verify(content))).isEqualTo(ProofRejectReason.BAD_SIGNATURE);
    ObjectNode created = signed(forwardedReply());
    ((ObjectNode) created.get("signature")).put("created", "2024-05-01T10:00:01Z");
    assertThat(reason(verify(created))).isEqualTo(ProofRejectReason.BAD_SIGNATURE);
    ObjectNode creator = signed(forwardedReply());
    ((ObjectNode) creator.get("signature")).put("creator", "https://social.example/users/eve#main-key");
    assertThat(reason(verify(creator))).isEqualTo(ProofRejectReason.BAD_SIGNATURE);
  }

  @Test
  void verify_otherKey_isBadSignature() throws Exception {
    assertThat(reason(verify(signed(forwardedReply()), TestKeys.fepVerifier())))
        .isEqualTo(ProofRejectReason.BAD_SIGNATURE);
  }

  private static PublicKeyVerify ronan2Key() throws Exception {
    JsonNode key = JSON.readTree(Files.readString(
        SharedData.fixture("peertube/packages/tests/fixtures/ap-json/mastodon/public-key.json")));
    return TestKeys.rsaVerifierFromPem(key.get("publicKey").asText());
  }

  /** A real Mastodon 2.5 Create{Note} (PeerTube's fixture; its HTTP signature is the broken part, not this one). */
  private static ObjectNode realMastodonCreate() throws Exception {
    return (ObjectNode) JSON.readTree(Files.readString(
        SharedData.fixture("peertube/server/tests/fixtures/ap-json/mastodon/bad-body-http-signature.json"))).get("body");
  }

  @Test
  void verify_realMastodonSignature() throws Exception {
    assertThat(verify(realMastodonCreate(), ronan2Key())).isEqualTo(new Verified(
        URI.create("http://localhost:3000/users/ronan2#main-key"), ProofSuite.RSA_SIGNATURE_2017,
        Optional.of(Instant.parse("2018-10-22T13:34:19Z"))));
    ObjectNode tampered = realMastodonCreate();
    ((ObjectNode) tampered.get("object")).put("content", "zerg");
    assertThat(reason(verify(tampered, ronan2Key()))).isEqualTo(ProofRejectReason.BAD_SIGNATURE);
  }

  @Test
  void verify_peertubeFixtureWithBadLdSignature_isBadSignature() throws Exception {
    ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(
        SharedData.fixture("peertube/server/tests/fixtures/ap-json/mastodon/create-bad-signature.json")));
    ParsedProof proof = (ParsedProof) DocumentProofs.parse(bytes(document));
    assertThat(proof.keyId()).isEqualTo(URI.create("http://localhost:3000/users/ronan2#main-key"));
    assertThat(LdTestSigner.naiveVerifierAccepts(document, ronan2Key())).as("a true negative").isFalse();
    assertThat(reason(proof.verify(ronan2Key(), NOW))).isEqualTo(ProofRejectReason.BAD_SIGNATURE);
  }

  @Test
  void verify_createdBeyondClockSkew_isRefused() throws Exception {
    ObjectNode signed = LdTestSigner.sign(forwardedReply(), KEY, "2024-06-01T01:00:01Z", TestKeys.rsaSigner());
    assertThat(reason(verify(signed))).isEqualTo(ProofRejectReason.CREATED_IN_FUTURE);
  }

  @Test
  void attack_graphLiftsEmbeddedActivity_isRefused() throws Exception {
    ObjectNode signed = signed(undoAnnounce());
    ObjectNode undo = (ObjectNode) signed.deepCopy().without(List.of("@context", "signature"));
    undo.put("object", BOB + "/statuses/5/activity");
    ObjectNode attack = JSON.createObjectNode();
    attack.set("@context", signed.get("@context"));
    attack.putArray("@graph").add(parse(announce())).add(undo);
    attack.set("signature", signed.get("signature"));

    assertThat(LdTestSigner.naiveVerifierAccepts(attack, TestKeys.rsaVerifier())).isTrue();
    assertThat(reason(verify(attack))).isEqualTo(ProofRejectReason.RESTRUCTURED);
  }

  @Test
  void attack_reverseTurnsActivityAround_isRefused() throws Exception {
    ObjectNode signed = signed(undoAnnounce());
    ObjectNode attack = parse(announce());
    attack.set("@context", signed.get("@context"));
    ObjectNode undo = (ObjectNode) signed.deepCopy().without(List.of("@context", "signature", "object"));
    attack.putObject("@reverse").set("object", undo);
    attack.set("signature", signed.get("signature"));

    assertThat(LdTestSigner.naiveVerifierAccepts(attack, TestKeys.rsaVerifier())).isTrue();
    assertThat(reason(verify(attack))).isEqualTo(ProofRejectReason.RESTRUCTURED);
  }

  @Test
  void attack_includedHidesTheActivity_isRefused() throws Exception {
    ObjectNode signed = signed(undoAnnounce());
    ObjectNode attack = parse(announce());
    attack.set("@context", signed.get("@context"));
    ObjectNode undo = (ObjectNode) signed.deepCopy().without(List.of("@context", "signature"));
    undo.put("object", BOB + "/statuses/5/activity");
    attack.putArray("@included").add(undo);
    attack.set("signature", signed.get("signature"));
    assertThat(reason(verify(attack))).isEqualTo(ProofRejectReason.RESTRUCTURED);
  }

  @Test
  void attack_contextSwapsContentAndSummary_isRefused() throws Exception {
    ObjectNode original = forwardedReply();
    ((ObjectNode) original.get("object")).put("summary", "spoiler: nothing");
    ObjectNode signed = signed(original);
    ObjectNode attack = signed.deepCopy();
    ObjectNode note = (ObjectNode) attack.get("object");
    note.put("content", "spoiler: nothing").put("summary", original.get("object").get("content").asText());
    note.remove("contentMap");
    ((ArrayNode) attack.get("@context")).addObject().put("content", "as:summary").put("summary", "as:content");
    ObjectNode withoutMap = signed(withoutContentMap(original));
    attack.set("signature", withoutMap.get("signature"));

    assertThat(LdTestSigner.naiveVerifierAccepts(attack, TestKeys.rsaVerifier())).isTrue();
    assertThat(reason(verify(attack))).isEqualTo(ProofRejectReason.RESTRUCTURED);
  }

  @Test
  void attack_contextSwapRepeatedInANestedContext_isRefused() throws Exception {
    ObjectNode original = withoutContentMap(forwardedReply());
    ((ObjectNode) original.get("object")).put("summary", "spoiler: nothing");
    ObjectNode signed = signed(original);
    ObjectNode attack = signed.deepCopy();
    ((ArrayNode) attack.get("@context")).addObject().put("content", "as:summary").put("summary", "as:content");
    ObjectNode note = (ObjectNode) attack.get("object");
    note.put("content", "spoiler: nothing").put("summary", original.get("object").get("content").asText());
    note.set("@context", attack.get("@context").deepCopy());

    assertThat(LdTestSigner.naiveVerifierAccepts(attack, TestKeys.rsaVerifier())).isTrue();
    assertThat(reason(verify(attack))).isEqualTo(ProofRejectReason.RESTRUCTURED);
  }

  private static ObjectNode withoutContentMap(ObjectNode document) {
    ObjectNode copy = document.deepCopy();
    ((ObjectNode) copy.get("object")).remove("contentMap");
    return copy;
  }

  @Test
  void attack_unsignedMemberAdded_isRefused() throws Exception {
    ObjectNode attack = signed(forwardedReply());
    ((ObjectNode) attack.get("object")).put("quoteUrl", "https://evil.example/notes/1");
    assertThat(LdTestSigner.naiveVerifierAccepts(attack, TestKeys.rsaVerifier())).isTrue();
    assertThat(reason(verify(attack))).isEqualTo(ProofRejectReason.RESTRUCTURED);
  }

  @Test
  void attack_attributionDomainsTypedAsId_isRefused() throws Exception {
    ObjectNode update = parse("{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\","
        + "{\"toot\":\"http://joinmastodon.org/ns#\",\"attributionDomains\":{\"@id\":\"toot:attributionDomains\","
        + "\"@type\":\"@id\"}}],\"id\":\"" + BOB + "#updates/1\",\"type\":\"Update\",\"actor\":\"" + BOB + "\","
        + "\"object\":{\"id\":\"" + BOB + "\",\"type\":\"Person\",\"attributionDomains\":[\"news.example\"]}}");
    ObjectNode attack = signed(update);
    ((ObjectNode) attack.get("object")).putArray("attributionDomains").add("evil.example");

    assertThat(LdTestSigner.naiveVerifierAccepts(attack, TestKeys.rsaVerifier())).isTrue();
    assertThat(reason(verify(attack))).isEqualTo(ProofRejectReason.RESTRUCTURED);
    assertThat(reason(verify(signed(update)))).as("the genuine values are unsigned too")
        .isEqualTo(ProofRejectReason.RESTRUCTURED);
  }

  @Test
  void parse_jsonLdFeaturesThatReshapeTheGraph_areRefused() throws Exception {
    String[][] cases = {
        {"keyword alias", "{\"g\":\"@graph\"}", "\"g\":[]"},
        {"vocab", "{\"@vocab\":\"https://evil.example/\"}", "\"x\":1"},
        {"reverse term", "{\"by\":{\"@reverse\":\"as:object\"}}", "\"by\":\"https://a.example/x\""},
        {"language container", "{\"txt\":{\"@id\":\"as:content\",\"@container\":\"@language\"}}", "\"txt\":{}"},
        {"nested context", "{}", "\"object\":{\"@context\":{\"content\":\"as:summary\"},\"content\":\"x\"}"},
        {"value object", "{}", "\"name\":{\"@value\":\"x\",\"@language\":\"en\"}"},
        {"unknown type", "{}", "\"object\":{\"type\":\"Frobnicate\"}"},
        {"relative id-typed value", "{}", "\"inReplyTo\":\"statuses/1\""},
        {"blank node id", "{}", "\"object\":{\"id\":\"_:b0\",\"type\":\"Note\"}"},
        {"nested array", "{}", "\"to\":[[\"https://www.w3.org/ns/activitystreams#Public\"]]"},
        {"null in an array", "{}", "\"to\":[null,\"https://www.w3.org/ns/activitystreams#Public\"]"},
        {"node described twice", "{}", "\"object\":{\"id\":\"" + BOB + "/s/1\",\"type\":\"Note\"},"
            + "\"target\":{\"id\":\"" + BOB + "/s/1\",\"content\":\"x\"}"}};
    for (String[] c : cases) {
      ObjectNode doc = parse("{\"@context\":[\"https://www.w3.org/ns/activitystreams\"," + c[1] + "],"
          + "\"id\":\"" + BOB + "/a/1\",\"type\":\"Create\",\"actor\":\"" + BOB + "\"," + c[2] + "}");
      assertThat(reason(verify(signedOrUnsigned(doc)))).as(c[0]).isEqualTo(ProofRejectReason.RESTRUCTURED);
    }
  }

  /** Signs when jsonld-java can process the document; else attaches a signature that was never computed. */
  private static ObjectNode signedOrUnsigned(ObjectNode doc) throws Exception {
    try {
      return signed(doc);
    } catch (RuntimeException e) {
      ObjectNode copy = doc.deepCopy();
      copy.putObject("signature").put("type", "RsaSignature2017").put("creator", KEY)
          .put("created", "2024-05-01T10:00:00Z").put("signatureValue", "AAAA");
      return copy;
    }
  }

  @Test
  void parse_unbundledContext_isUnknownContext() throws Exception {
    ObjectNode doc = signed(forwardedReply());
    ((ArrayNode) doc.get("@context")).add("https://evil.example/context.jsonld");
    assertThat(reason(verify(doc))).isEqualTo(ProofRejectReason.UNKNOWN_CONTEXT);
  }

  @Test
  void verify_symmetricBlankNodes_isLimitExceeded() throws Exception {
    // Two identical id-less images, each with identical id-less links: URDNA2015 must try every pairing.
    ObjectNode doc = forwardedReply();
    ArrayNode attachments = ((ObjectNode) doc.get("object")).putArray("attachment");
    for (int image = 0; image < 2; image++) {
      ArrayNode urls = attachments.addObject().put("type", "Image").putArray("url");
      for (int link = 0; link < 8; link++) {
        urls.addObject().put("type", "Link").put("href", "https://social.example/blobcat.png");
      }
    }
    assertThat(reason(verify(signedOrUnsigned(doc)))).isEqualTo(ProofRejectReason.LIMIT_EXCEEDED);
  }

  @Test
  void parse_badSignatureMembers_areRefused() throws Exception {
    ObjectNode otherType = signed(forwardedReply());
    ((ObjectNode) otherType.get("signature")).put("type", "RsaSignature2018");
    assertThat(reason(verify(otherType))).isEqualTo(ProofRejectReason.UNSUPPORTED_SUITE);
    for (String[] change : new String[][] {
        {"creator", "main-key"}, {"signatureValue", "not base64!"}, {"created", "May 1st"}, {"nonce", "{}"},
        {"@included", "@graph"}}) {
      ObjectNode doc = signed(forwardedReply());
      if (change[1].equals("{}")) {
        ((ObjectNode) doc.get("signature")).putObject(change[0]);
      } else {
        ((ObjectNode) doc.get("signature")).put(change[0], change[1]);
      }
      assertThat(reason(verify(doc))).as(change[0]).isEqualTo(ProofRejectReason.MALFORMED);
    }
    ObjectNode notObject = forwardedReply().put("signature", "x");
    assertThat(reason(verify(notObject))).isEqualTo(ProofRejectReason.MALFORMED);
  }
}
