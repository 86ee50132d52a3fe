package dev.fedgate.signatures.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Minimal DER reader and writer for the few key structures (SPKI, PKCS#1, PKCS#8, SEC1) we convert between. */
public final class Der {
  public static final int INTEGER = 0x02;
  public static final int BIT_STRING = 0x03;
  public static final int OCTET_STRING = 0x04;
  public static final int NULL = 0x05;
  public static final int OID = 0x06;
  public static final int SEQUENCE = 0x30;

  /** Largest structure we accept; keys are a few kilobytes at most. */
  private static final int MAX_LENGTH = 1 << 16;

  private Der() {}

  /** One decoded element: its tag and content bytes. */
  public record Element(int tag, byte[] content) {
    /** The elements inside a constructed element (e.g. a SEQUENCE). */
    public List<Element> children() {
      return readAll(content);
    }

    /** The content read as a non-negative INTEGER. */
    public BigInteger integer() {
      if (tag != INTEGER) {
        throw new IllegalArgumentException("expected INTEGER");
      }
      return new BigInteger(content);
    }
  }

  /** Reads one element that must span the whole input. */
  public static Element readSingle(byte[] der) {
    List<Element> all = readAll(der);
    if (all.size() != 1) {
      throw new IllegalArgumentException("expected one DER element");
    }
    return all.get(0);
  }

  /** Reads consecutive elements; throws IllegalArgumentException on malformed input. */
  public static List<Element> readAll(byte[] der) {
    List<Element> out = new ArrayList<>();
    int pos = 0;
    while (pos < der.length) {
      int tag = der[pos++] & 0xff;
      if (pos >= der.length) {
        throw new IllegalArgumentException("truncated DER");
      }
      int len = der[pos++] & 0xff;
      if (len > 0x80) {
        int n = len - 0x80;
        if (n > 3 || pos + n > der.length) {
          throw new IllegalArgumentException("bad DER length");
        }
        len = 0;
        for (int i = 0; i < n; i++) {
          len = (len << 8) | (der[pos++] & 0xff);
        }
      } else if (len == 0x80) {
        throw new IllegalArgumentException("indefinite DER length");
      }
      if (len > MAX_LENGTH || pos + len > der.length) {
        throw new IllegalArgumentException("truncated DER");
      }
      out.add(new Element(tag, Arrays.copyOfRange(der, pos, pos + len)));
      pos += len;
    }
    return out;
  }

  /** Encodes one element. */
  public static byte[] write(int tag, byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      body.writeBytes(p);
    }
    byte[] content = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len & 0xff);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write((len >> 8) & 0xff);
      out.write(len & 0xff);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** Encodes a non-negative INTEGER. */
  public static byte[] integer(BigInteger value) {
    return write(INTEGER, value.toByteArray());
  }
}
