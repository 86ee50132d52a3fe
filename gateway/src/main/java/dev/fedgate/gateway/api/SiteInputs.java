package dev.fedgate.gateway.api;

import static dev.fedgate.gateway.api.ApiInput.invalid;

import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.HlsPlaylist;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoFile;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns Site API bodies into storage values, refusing what PeerTube or Mastodon would refuse once federated, with the
 * field named. Each limit cites the peer rule it mirrors (reference: PeerTube's {@code sanitizeAndCheckVideoTorrentObject}
 * and actor validators).
 */
public final class SiteInputs {
  /** Names valid in WebFinger handles and PeerTube actor names; accounts and channels share one namespace. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");
  /** PeerTube refuses a video name outside 3–120 characters. */
  static final int VIDEO_NAME_MIN = 3;
  static final int VIDEO_NAME_MAX = 120;
  /** PeerTube truncates content at 10,000 characters and refuses content under 3. */
  static final int DESCRIPTION_MAX = 10_000;
  /** PeerTube keeps hashtags of 2–30 characters, at most 5 per video. */
  static final int TAG_MIN = 2;
  static final int TAG_MAX = 30;
  static final int TAGS_MAX = 5;
  /** PeerTube's display-name limit for actors. */
  static final int DISPLAY_NAME_MAX = 120;
  /** PeerTube's actor description limit. */
  static final int SUMMARY_MAX = 1_000;
  /** Playable file types PeerTube keeps in a Video's {@code url}. */
  static final Set<String> VIDEO_FILE_TYPES = Set.of("video/mp4", "video/ogg", "video/webm", "audio/mp4");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern PEERTUBE_ID = Pattern.compile("[0-9]{1,4}");
  private static final Pattern SPDX_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]{0,63}");
  private static final int MAX_FILES = 32;
  private static final int MAX_THUMBNAILS = 8;

  private SiteInputs() {}

  /** Checks a name from a path. */
  public static String name(String field, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw invalid(field, "must be 1 to 50 characters of letters, digits, '_', '.' and '-'");
    }
    return name;
  }

  /** The account described by a {@code PUT /api/v1/accounts/{name}} body. */
  public static Account account(String name, String body) {
    ApiInput in = ApiInput.body(body);
    return new Account(name("name", name).strip(), displayName(in, name), summary(in), in.requiredUrl("url"),
        in.optionalObject("avatar").map(ApiInput::image), in.optionalObject("banner").map(ApiInput::image),
        manualApproval(in));
  }

  /** The channel described by a {@code PUT /api/v1/channels/{name}} body. */
  public static Channel channel(String name, String body) {
    ApiInput in = ApiInput.body(body);
    String account = name("/account", in.optionalString("account", 50)
        .orElseThrow(() -> invalid("/account", "is required")));
    return new Channel(name("name", name), account, displayName(in, name), summary(in), in.requiredUrl("url"),
        in.optionalObject("avatar").map(ApiInput::image), in.optionalObject("banner").map(ApiInput::image),
        manualApproval(in));
  }

  /** The remote ActivityPub id under {@code key} of a decision body such as {@code {"actor": "https://..."}}. */
  public static URI remoteId(String key, String body) {
    return ApiInput.body(body).requiredUrl(key);
  }

  /** {@code manuallyApprovesFollowers}; absent means every Follow is accepted at once. */
  private static boolean manualApproval(ApiInput in) {
    return in.optionalBoolean("manuallyApprovesFollowers", false);
  }

  private static String displayName(ApiInput in, String fallback) {
    return in.optionalString("displayName", DISPLAY_NAME_MAX).map(String::strip).filter(s -> !s.isEmpty())
        .orElse(fallback);
  }

  private static String summary(ApiInput in) {
    return in.optionalString("summary", SUMMARY_MAX).orElse("");
  }

  /** The video described by a {@code PUT /api/v1/videos/{uuid}} body. */
  public static Video video(UUID uuid, String body) {
    ApiInput in = ApiInput.body(body);
    String channel = name("/channel", in.optionalString("channel", 50)
        .orElseThrow(() -> invalid("/channel", "is required")));
    String name = in.requiredString("name", VIDEO_NAME_MIN, VIDEO_NAME_MAX).strip();
    String description = in.optionalString("description", DESCRIPTION_MAX).orElse("");
    if (!description.isBlank() && description.strip().length() < 3) {
      throw invalid("/description", "must be empty or at least 3 characters (PeerTube refuses shorter content)");
    }
    List<dev.fedgate.gateway.storage.Image> thumbnails = in.list("thumbnails", MAX_THUMBNAILS, ApiInput::image);
    if (thumbnails.isEmpty()) {
      throw invalid("/thumbnails", "must hold at least one image (PeerTube refuses a Video without an icon)");
    }
    return new Video(
        uuid,
        channel,
        name,
        description,
        in.requiredLong("durationSeconds", 0, 365L * 24 * 3600),
        in.requiredInstant("publishedAt"),
        in.requiredUrl("url"),
        in.optionalUrl("embedUrl"),
        thumbnails,
        in.list("files", MAX_FILES, SiteInputs::videoFile),
        in.optionalObject("hls").map(SiteInputs::hls),
        tags(in),
        in.optionalString("language", 35).map(value -> matching("/language", value, LANGUAGE,
            "must be an ISO 639 code like en or pt-BR")),
        in.optionalString("licence", 64).map(value -> licence(value)),
        in.optionalString("category", 4).map(value -> matching("/category", value, PEERTUBE_ID,
            "must be one of PeerTube's category identifiers, like \"15\"")),
        in.optionalBoolean("sensitive", false),
        commentsPolicy(in),
        in.optionalBoolean("live", false));
  }

  private static VideoFile videoFile(ApiInput file) {
    String mediaType = file.requiredString("mediaType", 1, 100).toLowerCase(Locale.ROOT);
    if (!VIDEO_FILE_TYPES.contains(mediaType)) {
      throw invalid("/files", "mediaType must be one of " + String.join(", ", VIDEO_FILE_TYPES.stream().sorted().toList()));
    }
    return new VideoFile(file.requiredUrl("url"), mediaType,
        file.optionalLong("width", 0, 100_000).orElse(0L).intValue(),
        (int) file.requiredLong("height", 0, 100_000),
        file.requiredLong("size", 0, Long.MAX_VALUE),
        file.optionalLong("fps", 0, 1_000).orElse(0L).intValue());
  }

  private static HlsPlaylist hls(ApiInput hls) {
    return new HlsPlaylist(hls.requiredUrl("playlistUrl"), hls.list("files", MAX_FILES, SiteInputs::videoFile));
  }

  private static List<String> tags(ApiInput in) {
    List<String> tags = in.stringList("tags", TAGS_MAX, TAG_MIN, TAG_MAX);
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).chars().anyMatch(c -> c == '#' || Character.isWhitespace(c))) {
        throw invalid("/tags/" + i, "must be one word without '#' or spaces");
      }
    }
    return tags;
  }

  private static String licence(String value) {
    if (PEERTUBE_ID.matcher(value).matches() || SPDX_ID.matcher(value).matches()) {
      return value;
    }
    throw invalid("/licence", "must be a PeerTube licence identifier like \"1\" or an SPDX id like CC-BY-4.0");
  }

  private static CommentsPolicy commentsPolicy(ApiInput in) {
    Optional<String> value = in.optionalString("commentsPolicy", 20);
    if (value.isEmpty()) {
      return CommentsPolicy.ENABLED;
    }
    for (CommentsPolicy policy : CommentsPolicy.values()) {
      if (policy.name().toLowerCase(Locale.ROOT).equals(value.get())) {
        return policy;
      }
    }
    throw invalid("/commentsPolicy", "must be enabled, disabled or approval");
  }

  private static String matching(String field, String value, Pattern pattern, String problem) {
    if (!pattern.matcher(value).matches()) {
      throw invalid(field, problem);
    }
    return value;
  }

  /** Parses a UUID from a path, refusing anything else. */
  public static UUID uuid(String text) {
    try {
      UUID uuid = UUID.fromString(text);
      if (uuid.toString().equalsIgnoreCase(text)) {
        return uuid;
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw invalid("uuid", "must be a UUID like 2c2a1b0e-0f4c-4a7e-9a55-1d7c6f0b9e11");
    }
    throw invalid("uuid", "must be a UUID like 2c2a1b0e-0f4c-4a7e-9a55-1d7c6f0b9e11");
  }
}
