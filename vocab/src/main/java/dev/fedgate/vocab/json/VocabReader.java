package dev.fedgate.vocab.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Pointer;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import dev.fedgate.vocab.jsonld.ContextNormalizer;
import dev.fedgate.vocab.jsonld.ParseScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Reads a JSON-LD document (bytes or a Jackson tree) into a typed value: checks the {@link ReadLimits}, hands the
 * document to the {@link ContextNormalizer} (so only canonical term names are read), then reads it by its
 * {@code type}. Every refusal is a {@link VocabException} naming the JSON pointer and the rule.
 */
public final class VocabReader {
  private final ContextNormalizer normalizer;
  private final ReadLimits limits;
  private final JsonFactory factory;
  private final TreeParser treeParser;
  private final LimitCheck limitCheck;
  private final Decoder decoder = new Decoder();
  private final KnownContexts knownContexts = new KnownContexts();

  private VocabReader(ContextNormalizer normalizer, ReadLimits limits) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.limitCheck = new LimitCheck(limits);
    this.treeParser = new TreeParser(limits);
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(Math.min(limits.maxStringLength(), StreamReadConstraints.DEFAULT_MAX_NAME_LEN))
            .maxDocumentLength(limits.maxBodyBytes())
            .build())
        .build();
  }

  /** A reader that normalizes contexts with {@code normalizer} and enforces {@code limits}; safe to share. */
  public static VocabReader create(ContextNormalizer normalizer, ReadLimits limits) {
    return new VocabReader(normalizer, limits);
  }

  /** Reads any supported document. */
  public ApObject read(byte[] json) {
    // The parse enforced every limit already, and recorded what the normalizer needs to decide without a walk.
    ParseScan.Recorder scan = new ParseScan.Recorder();
    ObjectNode document = document(parse(json, scan));
    return decoder.object(normalizer.normalize(document, scan.scan()), Pointer.ROOT);
  }

  /** Reads a document that must be of {@code type}. */
  public <T extends ApObject> T read(byte[] json, Class<T> type) {
    return expect(read(json), type);
  }

  /** Reads an already parsed document; the tree is not changed. */
  public ApObject read(JsonNode tree) {
    limitCheck.check(tree);
    return decoder.object(normalizer.normalize(document(tree)), Pointer.ROOT);
  }

  /** Reads an already parsed document that must be of {@code type}. */
  public <T extends ApObject> T read(JsonNode tree, Class<T> type) {
    return expect(read(tree), type);
  }

  private static ObjectNode document(JsonNode tree) {
    if (!(tree instanceof ObjectNode document)) {
      throw new VocabException(VocabProblem.MALFORMED_JSON, "", "the document must be a JSON object");
    }
    return document;
  }

  private JsonNode parse(byte[] json, ParseScan.Recorder scan) {
    if (json.length > limits.maxBodyBytes()) {
      throw LimitCheck.exceeded("", "body larger than " + limits.maxBodyBytes() + " bytes");
    }
    KnownContexts.Match match = knownContexts.find(json);
    JsonParser parser;
    try {
      parser = factory.createParser(match == null ? json : match.rest());
    } catch (IOException e) {
      throw new UncheckedIOException("parsing from memory cannot fail to start", e);
    }
    try (parser) {
      TreeParser.Parsed parsed = treeParser.read(parser, scan, match == null ? null : match.known());
      if (parsed.root() == null) {
        throw new VocabException(VocabProblem.MALFORMED_JSON, "", "the body is empty");
      }
      if (match == null && parsed.contextEnd() >= 0) {
        knownContexts.remember(json, (int) parsed.contextEnd(), parsed.root().get("@context"));
      }
      return parsed.root();
    } catch (StreamConstraintsException e) {
      throw LimitCheck.exceeded(parser.getParsingContext().pathAsPointer().toString(), e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new VocabException(VocabProblem.MALFORMED_JSON,
          parser.getParsingContext().pathAsPointer().toString(), "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  private static <T extends ApObject> T expect(ApObject value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new VocabException(VocabProblem.INVALID_VALUE, "/type", "must be " + type.getSimpleName()
          + ", not " + value.getClass().getSimpleName());
    }
    return type.cast(value);
  }
}
