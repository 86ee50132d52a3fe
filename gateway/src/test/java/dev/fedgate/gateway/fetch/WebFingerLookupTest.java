package dev.fedgate.gateway.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebFingerLookupTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void url_isHttpsWebFingerOnTheAccountsHost_withTheResourceEncoded() {
    assertThat(WebFingerLookup.url("bob@Remote.example")).contains(URI.create(
        "https://remote.example/.well-known/webfinger?resource=acct%3Abob%40Remote.example"));
    assertThat(WebFingerLookup.url("bob@remote.example:8443")).hasValueSatisfying(url ->
        assertThat(url.getAuthority()).isEqualTo("remote.example:8443"));
  }

  @Test
  void url_refusesWhatIsNotUserAtHost() {
    assertThat(WebFingerLookup.url("bob")).isEmpty();
    assertThat(WebFingerLookup.url("@remote.example")).isEmpty();
    assertThat(WebFingerLookup.url("bob@evil.example/x?y=")).isEmpty();
    assertThat(WebFingerLookup.url("bob@evil.example@other.example")).isEmpty();
  }

  @Test
  void selfLink_isTheActivityPubSelfLinksHref() {
    String mastodon = """
        {"subject":"acct:bob@remote.example","links":[
         {"rel":"http://webfinger.net/rel/profile-page","type":"text/html","href":"https://remote.example/@bob"},
         {"rel":"self","type":"application/activity+json","href":"https://remote.example/users/bob"}]}""";
    String ldJson = """
        {"links":[{"rel":"self","type":"application/ld+json; profile=\\"https://www.w3.org/ns/activitystreams\\"",
         "href":"https://remote.example/users/bob"}]}""";

    assertThat(WebFingerLookup.selfLink(bytes(mastodon))).contains(URI.create("https://remote.example/users/bob"));
    assertThat(WebFingerLookup.selfLink(bytes(ldJson))).contains(URI.create("https://remote.example/users/bob"));
  }

  @Test
  void selfLink_isEmptyWithoutAnActivityPubHttpSelfLink() {
    assertThat(WebFingerLookup.selfLink(bytes("{\"links\":[{\"rel\":\"self\",\"type\":\"text/html\","
        + "\"href\":\"https://remote.example/@bob\"}]}"))).isEmpty();
    assertThat(WebFingerLookup.selfLink(bytes("{\"links\":[{\"rel\":\"self\",\"type\":\"application/activity+json\","
        + "\"href\":\"file:///etc/passwd\"}]}"))).isEmpty();
    assertThat(WebFingerLookup.selfLink(bytes("{\"subject\":\"acct:bob@remote.example\"}"))).isEmpty();
    assertThat(WebFingerLookup.selfLink(bytes("not json"))).isEmpty();
  }
}
