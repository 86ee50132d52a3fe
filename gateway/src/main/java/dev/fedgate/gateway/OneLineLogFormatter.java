package dev.fedgate.gateway;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** Formats a log record as one line: time, level, logger, message (then the stack trace, if any). */
public final class OneLineLogFormatter extends Formatter {
  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(128)
        .append(Instant.ofEpochMilli(record.getMillis()))
        .append(' ').append(record.getLevel().getName())
        .append(' ').append(shortName(record.getLoggerName()))
        .append(": ").append(formatMessage(record))
        .append(System.lineSeparator());
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
    return line.toString();
  }

  private static String shortName(String name) {
    if (name == null) {
      return "-";
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
