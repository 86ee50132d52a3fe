package dev.fedgate.signatures.proof.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fedgate.testdata.SharedData;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode vectors() throws Exception {
    return JSON.readTree(Files.readString(SharedData.vector("jcs-rfc8785.json")));
  }

  @TestFactory
  List<DynamicTest> canonicalize_everyRfc8785Case() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : vectors().get("cases")) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
        byte[] canonical = Jcs.canonicalize(JSON.readTree(c.get("input").asText()));
        assertThat(HexFormat.of().formatHex(canonical)).isEqualTo(c.get("expected_output_hex").asText());
      }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> number_everyRfc8785Sample() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode sample : vectors().get("number_samples")) {
      String hex = sample.get("ieee754_hex").asText();
      tests.add(DynamicTest.dynamicTest(hex, () -> assertThat(
          Jcs.number(Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16))))
          .isEqualTo(sample.get("expected").asText())));
    }
    return tests;
  }

  @ParameterizedTest
  @CsvSource({
      "1e21, 1e+21", "1e20, 100000000000000000000", "1e-7, 1e-7", "0.000001, 0.000001", "123e-20, 1.23e-18",
      "0.30000000000000004, 0.30000000000000004", "4.9e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
      "-1.5, -1.5", "25.273962, 25.273962", "-71.184902, -71.184902", "1e23, 1e+23",
      "2.2250738585072014e-308, 2.2250738585072014e-308",
      "9007199254740993, 9007199254740992", "5e-7, 5e-7", "1.0, 1", "-0.0, 0"})
  void number_formatsAsEcmaScript(String input, String expected) {
    assertThat(Jcs.number(Double.parseDouble(input))).isEqualTo(expected);
  }

  @Test
  void number_refusesNonFinite() {
    assertThatThrownBy(() -> Jcs.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jcs.number(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonicalize_refusesLoneSurrogate() {
    JsonNode node = JsonNodeFactory.instance.objectNode().put("a", "x\ud800y");
    assertThatThrownBy(() -> Jcs.canonicalize(node)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonicalize_sortsByUtf16CodeUnitsNotCodePoints() throws Exception {
    // U+1F602 (surrogates D83D DE02) sorts before U+FB33 by code units although it is the larger code point.
    String canonical = new String(Jcs.canonicalize(JSON.readTree("{\"\\ufb33\":1,\"\\ud83d\\ude02\":2}")), "UTF-8");
    assertThat(canonical).isEqualTo("{\"\ud83d\ude02\":2,\"\ufb33\":1}");
  }

  @Test
  void canonicalize_escapesControlsAsEcmaScriptDoes() throws Exception {
    String canonical = new String(Jcs.canonicalize(JSON.readTree("\"\\u0000\\b\\t\\u001f\\u007f\\u2028\"")), "UTF-8");
    assertThat(canonical).isEqualTo("\"\\u0000\\b\\t\\u001f\u007f\u2028\"");
  }
}
