package dev.fedgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.problem.FedgateException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountInputsTest {

  @Test
  void html_escapesMarkup_blankLinesMakeParagraphs_andSingleBreaksBecomeBr() {
    assertThat(AccountInputs.html("  a <script>&\"'\nsecond line\n\n\n  next  "))
        .isEqualTo("<p>a &lt;script&gt;&amp;&quot;&#39;<br>second line</p><p>next</p>");
  }

  @Test
  void comment_readsAccountTextAndParent_andNamesTheFieldAtFault() {
    assertThat(AccountInputs.comment("{\"account\":\"alice\",\"text\":\"hi\",\"inReplyTo\":3}"))
        .isEqualTo(new AccountInputs.LocalComment("alice", "hi", Optional.of(3L)));
    assertThatThrownBy(() -> AccountInputs.comment("{\"text\":\"hi\"}")).isInstanceOfSatisfying(
        FedgateException.class, e -> assertThat(e.field()).contains("/account"));
    assertThatThrownBy(() -> AccountInputs.comment("{\"account\":\"alice\",\"text\":\"\"}")).isInstanceOfSatisfying(
        FedgateException.class, e -> assertThat(e.field()).contains("/text"));
  }

  @Test
  void replyAndTargets_requireHttpUrlsAndText() {
    assertThat(AccountInputs.reply("{\"inReplyTo\":\"https://m.example/n/1\",\"text\":\"yes\"}"))
        .isEqualTo(new AccountInputs.Reply(URI.create("https://m.example/n/1"), "yes"));
    assertThatThrownBy(() -> AccountInputs.reply("{\"inReplyTo\":\"ftp://m.example/n/1\",\"text\":\"yes\"}"))
        .isInstanceOfSatisfying(FedgateException.class, e -> assertThat(e.field()).contains("/inReplyTo"));
    assertThat(AccountInputs.followTarget("{\"target\":\" @bob@m.example \"}")).isEqualTo("@bob@m.example");
  }
}
