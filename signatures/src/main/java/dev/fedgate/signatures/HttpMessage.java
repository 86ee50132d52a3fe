package dev.fedgate.signatures;

/** A request or response as plain parts, so any Java HTTP stack can hand it to the signer and verifier. */
public sealed interface HttpMessage permits HttpRequest, HttpResponse {
  /** Header fields in wire order. */
  HttpHeaders headers();

  /** The body bytes exactly as transferred (a copy); empty when there is none. */
  byte[] body();
}
