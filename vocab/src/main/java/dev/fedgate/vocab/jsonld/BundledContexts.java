package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The context documents we ship ({@code contexts/index.json} lists each file, the URLs it answers and its source),
 * with their term definitions resolved once. Pleroma, Akkoma, Mbin, Hubzilla and Osada serve their context from
 * every instance's own host, so those entries answer a fixed path on any host ({@code anyHostPaths}); nothing is
 * ever fetched, so a host cannot change what the URL means to us.
 */
final class BundledContexts implements ContextSource {
  /** The ActivityStreams context: implied by every document (AS2 Core §2.1) and first in ours. */
  static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";

  private static final String DIRECTORY = "contexts/";
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, BundledContext> byUrl;
  private final Map<String, BundledContext> byAnyHostPath;

  private BundledContexts(Map<String, BundledContext> byUrl, Map<String, BundledContext> byAnyHostPath) {
    this.byUrl = Map.copyOf(byUrl);
    this.byAnyHostPath = Map.copyOf(byAnyHostPath);
  }

  /** The shipped set, loaded once. */
  static BundledContexts shipped() {
    return Shipped.INSTANCE;
  }

  @Override
  public Optional<BundledContext> find(String url) {
    BundledContext exact = byUrl.get(url);
    if (exact != null) {
      return Optional.of(exact);
    }
    String rest;
    if (url.startsWith("https://")) {
      rest = url.substring("https://".length());
    } else if (url.startsWith("http://")) {
      rest = url.substring("http://".length());
    } else {
      return Optional.empty();
    }
    int slash = rest.indexOf('/');
    if (slash <= 0 || !HOST.matcher(rest.substring(0, slash)).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byAnyHostPath.get(rest.substring(slash)));
  }

  /** Every URL answered exactly (not by path), for tests and documentation. */
  Set<String> exactUrls() {
    return byUrl.keySet();
  }

  /**
   * The terms a context value (a URL, an object, or an array of them) defines on top of {@code outer}, resolving URLs
   * against this bundle. Only for contexts we ship or write ourselves: any surprise is a bug here.
   */
  ActiveTerms resolveTrusted(JsonNode context, ActiveTerms outer) {
    return resolveTrusted(context, outer, this);
  }

  private static ActiveTerms resolveTrusted(JsonNode context, ActiveTerms outer, ContextSource source) {
    if (context.isArray()) {
      ActiveTerms active = outer;
      for (JsonNode element : context) {
        active = resolveTrusted(element, active, source);
      }
      return active;
    }
    if (context.isTextual()) {
      String url = context.textValue();
      BundledContext bundled =
          source.find(url).orElseThrow(() -> new IllegalStateException("bundled context names unknown " + url));
      return outer == null ? ActiveTerms.of(bundled.terms()) : outer.push(bundled.terms());
    }
    if (context instanceof ObjectNode object) {
      InlineContext parsed = ContextParser.parse(object, outer, true);
      if (!(parsed instanceof InlineContext.Simple simple)) {
        throw new IllegalStateException("bundled context is not plain JSON-LD 1.0: " + parsed);
      }
      return outer == null ? ActiveTerms.of(simple.layer()) : outer.push(simple.layer());
    }
    throw new IllegalStateException("bundled context has an unexpected member: " + context);
  }

  private static BundledContexts load() {
    JsonNode index = read("index.json");
    Map<String, JsonNode> documents = new HashMap<>();
    Map<String, JsonNode> urlToFile = new HashMap<>();
    for (JsonNode entry : index) {
      String file = entry.get("file").textValue();
      documents.put(file, read(file));
      entry.get("urls").forEach(url -> urlToFile.put(url.textValue(), entry));
    }
    Map<String, BundledContext> resolved = new HashMap<>();
    ContextSource resolving = new ContextSource() {
      @Override
      public Optional<BundledContext> find(String url) {
        JsonNode entry = urlToFile.get(url);
        return entry == null ? Optional.empty() : Optional.of(resolve(entry, documents, resolved, this));
      }
    };
    Map<String, BundledContext> byUrl = new HashMap<>();
    Map<String, BundledContext> byPath = new HashMap<>();
    for (JsonNode entry : index) {
      BundledContext bundled = resolve(entry, documents, resolved, resolving);
      entry.get("urls").forEach(url -> byUrl.put(url.textValue(), bundled));
      JsonNode paths = entry.get("anyHostPaths");
      if (paths != null) {
        paths.forEach(path -> byPath.put(path.textValue(), bundled));
      }
    }
    return new BundledContexts(byUrl, byPath);
  }

  private static BundledContext resolve(
      JsonNode entry, Map<String, JsonNode> documents, Map<String, BundledContext> resolved, ContextSource source) {
    String file = entry.get("file").textValue();
    BundledContext done = resolved.get(file);
    if (done != null) {
      return done;
    }
    JsonNode document = documents.get(file);
    ActiveTerms terms = resolveTrusted(document.get("@context"), null, source);
    BundledContext bundled = new BundledContext(file, document, terms.flatten(), entry.get("source").textValue());
    resolved.put(file, bundled);
    return bundled;
  }

  private static JsonNode read(String file) {
    try (InputStream in = BundledContexts.class.getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalStateException("bundled context missing: " + file);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled context " + file, e);
    }
  }

  /** Loads the shipped set on first use. */
  private static final class Shipped {
    static final BundledContexts INSTANCE = load();
  }
}
