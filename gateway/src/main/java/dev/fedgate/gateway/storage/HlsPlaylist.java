package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** An HLS master playlist and the renditions (segment playlists or fragmented files) it lists. */
public record HlsPlaylist(URI playlistUrl, List<VideoFile> files) {
  /** Checks presence and copies the list. */
  public HlsPlaylist {
    Objects.requireNonNull(playlistUrl, "playlistUrl");
    files = List.copyOf(files);
  }
}
