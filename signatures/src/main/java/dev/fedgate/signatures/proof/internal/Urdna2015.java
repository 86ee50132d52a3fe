package dev.fedgate.signatures.proof.internal;

import com.github.jsonldjava.core.RDFDataset;
import com.github.jsonldjava.core.RDFDataset.Node;
import com.github.jsonldjava.core.RDFDataset.Quad;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * URDNA2015 (W3C RDF Dataset Canonicalization, RDFC-1.0) over a jsonld-java dataset, written here because
 * jsonld-java 0.13.4's own {@code normalize} is the older URGNA2012 (SHA-1, "hash paths"): its blank-node labels
 * differ from URDNA2015's as soon as a document has two blank nodes (a Mastodon post with a mention and a hashtag),
 * so Mastodon's signatures over such posts would never verify.
 *
 * <p>N-Quads are written as jsonld.js writes them (and as the shared vector was made): in literals only {@code "},
 * {@code \}, LF and CR are escaped; everything else, astral characters included, is written raw. Lines and hashes are
 * ordered by UTF-16 code units, as jsonld.js sorts.
 *
 * <p>Blank-node hashing can take factorial time on symmetric graphs; {@link #MAX_WORK} bounds the work (as
 * rdf-canonize's {@code maxDeepIterations} does) and {@link LimitExceeded} reports reaching it.
 */
public final class Urdna2015 {
  /**
   * Most n-degree hashes plus permutations tried for one dataset. Activities, whose blank nodes hang off objects with
   * ids, need a handful; the W3C "poison" test044 needs between 3,000 and 4,000. Reaching the bound costs about a
   * tenth of a second of one core.
   */
  public static final int MAX_WORK = 4_000;

  private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
  private static final String LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

  private final List<Quad> quads = new ArrayList<>();
  private final Map<String, List<Quad>> quadsByBlankNode = new LinkedHashMap<>();
  private final IdIssuer canonical = new IdIssuer("_:c14n");
  private int work;

  /** Thrown when canonicalizing would take more than {@link #MAX_WORK} steps of blank-node hashing. */
  public static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitExceeded() {
      super("blank-node hashing over " + MAX_WORK + " steps");
    }
  }

  private Urdna2015(RDFDataset dataset) {
    for (String graph : dataset.graphNames()) {
      for (Quad quad : dataset.getQuads(graph)) {
        quads.add(quad);
        for (Node node : components(quad)) {
          if (node != null && node.isBlankNode()) {
            List<Quad> mentions = quadsByBlankNode.computeIfAbsent(node.getValue(), k -> new ArrayList<>());
            if (mentions.isEmpty() || mentions.get(mentions.size() - 1) != quad) {
              mentions.add(quad);
            }
          }
        }
      }
    }
  }

  /**
   * The canonical N-Quads of {@code dataset}, one line per quad, each ending with LF.
   *
   * @throws LimitExceeded when the dataset's blank nodes are too symmetric to label within the bound
   */
  public static String canonicalize(RDFDataset dataset) {
    return new Urdna2015(dataset).run();
  }

  private String run() {
    Map<String, List<String>> byHash = new TreeMap<>();
    for (String blankNode : quadsByBlankNode.keySet()) {
      byHash.computeIfAbsent(hashFirstDegree(blankNode), k -> new ArrayList<>()).add(blankNode);
    }
    for (List<String> sameHash : byHash.values()) {
      if (sameHash.size() == 1) {
        canonical.issue(sameHash.get(0));
      }
    }
    for (List<String> sameHash : byHash.values()) {
      if (sameHash.size() > 1) {
        labelTies(sameHash);
      }
    }
    List<String> lines = new ArrayList<>(quads.size());
    for (Quad quad : quads) {
      lines.add(serialize(quad, canonical::issued));
    }
    lines.sort(null);
    return String.join("", lines);
  }

  private void labelTies(List<String> sameHash) {
    List<Map.Entry<String, IdIssuer>> results = new ArrayList<>();
    for (String blankNode : sameHash) {
      if (canonical.has(blankNode)) {
        continue;
      }
      IdIssuer temporary = new IdIssuer("_:b");
      temporary.issue(blankNode);
      results.add(hashNDegree(blankNode, temporary));
    }
    results.sort(Map.Entry.comparingByKey());
    for (Map.Entry<String, IdIssuer> result : results) {
      result.getValue().issuedInOrder().forEach(canonical::issue);
    }
  }

  private String hashFirstDegree(String blankNode) {
    List<String> lines = new ArrayList<>();
    for (Quad quad : quadsByBlankNode.get(blankNode)) {
      lines.add(serialize(quad, id -> id.equals(blankNode) ? "_:a" : "_:z"));
    }
    lines.sort(null);
    return sha256Hex(String.join("", lines));
  }

  private String hashRelated(String related, Quad quad, IdIssuer issuer, char position) {
    StringBuilder input = new StringBuilder().append(position);
    if (position != 'g') {
      input.append('<').append(quad.getPredicate().getValue()).append('>');
    }
    input.append(canonical.has(related) ? canonical.issued(related)
        : issuer.has(related) ? issuer.issued(related) : hashFirstDegree(related));
    return sha256Hex(input.toString());
  }

  private Map.Entry<String, IdIssuer> hashNDegree(String blankNode, IdIssuer issuer) {
    spend();
    Map<String, List<String>> relatedByHash = new TreeMap<>();
    for (Quad quad : quadsByBlankNode.get(blankNode)) {
      Node[] parts = {quad.getSubject(), quad.getObject(), quad.getGraph()};
      char[] positions = {'s', 'o', 'g'};
      for (int i = 0; i < parts.length; i++) {
        if (parts[i] != null && parts[i].isBlankNode() && !parts[i].getValue().equals(blankNode)) {
          String related = parts[i].getValue();
          relatedByHash.computeIfAbsent(hashRelated(related, quad, issuer, positions[i]), k -> new ArrayList<>())
              .add(related);
        }
      }
    }
    StringBuilder data = new StringBuilder();
    IdIssuer current = issuer;
    for (Map.Entry<String, List<String>> group : relatedByHash.entrySet()) {
      data.append(group.getKey());
      Map.Entry<String, IdIssuer> chosen = choosePath(group.getValue(), current);
      data.append(chosen.getKey());
      current = chosen.getValue();
    }
    return Map.entry(sha256Hex(data.toString()), current);
  }

  /** The smallest path over the permutations of {@code related}, with the issuer that produced it. */
  private Map.Entry<String, IdIssuer> choosePath(List<String> related, IdIssuer issuer) {
    String chosenPath = null;
    IdIssuer chosenIssuer = null;
    List<String> permutation = new ArrayList<>(related);
    permutation.sort(null);
    do {
      spend();
      IdIssuer copy = issuer.copy();
      StringBuilder path = new StringBuilder();
      List<String> recursion = new ArrayList<>();
      boolean worse = false;
      for (int i = 0; i < permutation.size() && !worse; i++) {
        String node = permutation.get(i);
        if (canonical.has(node)) {
          path.append(canonical.issued(node));
        } else {
          if (!copy.has(node)) {
            recursion.add(node);
          }
          path.append(copy.issue(node));
        }
        worse = longerAndLarger(path, chosenPath);
      }
      for (int i = 0; i < recursion.size() && !worse; i++) {
        Map.Entry<String, IdIssuer> result = hashNDegree(recursion.get(i), copy);
        path.append(copy.issue(recursion.get(i))).append('<').append(result.getKey()).append('>');
        copy = result.getValue();
        worse = longerAndLarger(path, chosenPath);
      }
      if (!worse && (chosenPath == null || path.toString().compareTo(chosenPath) < 0)) {
        chosenPath = path.toString();
        chosenIssuer = copy;
      }
    } while (nextPermutation(permutation));
    return Map.entry(chosenPath, chosenIssuer);
  }

  private void spend() {
    if (++work > MAX_WORK) {
      throw new LimitExceeded();
    }
  }

  /** Rearranges {@code list} into its next permutation in lexicographic order; false after the last one. */
  private static boolean nextPermutation(List<String> list) {
    int i = list.size() - 2;
    while (i >= 0 && list.get(i).compareTo(list.get(i + 1)) >= 0) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = list.size() - 1;
    while (list.get(j).compareTo(list.get(i)) <= 0) {
      j--;
    }
    Collections.swap(list, i, j);
    Collections.reverse(list.subList(i + 1, list.size()));
    return true;
  }

  private static boolean longerAndLarger(CharSequence path, String chosen) {
    return chosen != null && path.length() >= chosen.length() && path.toString().compareTo(chosen) > 0;
  }

  /** A quad as a jsonld.js N-Quads line, with blank node ids replaced by {@code label}. */
  static String serialize(Quad quad, UnaryOperator<String> label) {
    StringBuilder line = new StringBuilder();
    term(quad.getSubject(), label, line);
    line.append(' ');
    term(quad.getPredicate(), label, line);
    line.append(' ');
    term(quad.getObject(), label, line);
    if (quad.getGraph() != null) {
      line.append(' ');
      term(quad.getGraph(), label, line);
    }
    return line.append(" .\n").toString();
  }

  private static void term(Node node, UnaryOperator<String> label, StringBuilder out) {
    if (node.isIRI()) {
      out.append('<').append(node.getValue()).append('>');
    } else if (node.isBlankNode()) {
      out.append(label.apply(node.getValue()));
    } else {
      out.append('"');
      escape(node.getValue(), out);
      out.append('"');
      if (LANG_STRING.equals(node.getDatatype()) && node.getLanguage() != null) {
        out.append('@').append(node.getLanguage());
      } else if (node.getDatatype() != null && !XSD_STRING.equals(node.getDatatype())) {
        out.append("^^<").append(node.getDatatype()).append('>');
      }
    }
  }

  private static void escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          out.append(c);
      }
    }
  }

  private static Node[] components(Quad quad) {
    return new Node[] {quad.getSubject(), quad.getObject(), quad.getGraph()};
  }

  private static String sha256Hex(String text) {
    return HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Issues blank node identifiers with a prefix and a counter, remembering the order of issue. */
  private static final class IdIssuer {
    private final String prefix;
    private final Map<String, String> issued;

    IdIssuer(String prefix) {
      this(prefix, new LinkedHashMap<>());
    }

    private IdIssuer(String prefix, Map<String, String> issued) {
      this.prefix = prefix;
      this.issued = issued;
    }

    String issue(String id) {
      return issued.computeIfAbsent(id, k -> prefix + issued.size());
    }

    boolean has(String id) {
      return issued.containsKey(id);
    }

    String issued(String id) {
      return issued.get(id);
    }

    List<String> issuedInOrder() {
      return new ArrayList<>(issued.keySet());
    }

    IdIssuer copy() {
      return new IdIssuer(prefix, new LinkedHashMap<>(issued));
    }
  }
}
