package io.papi.datasets.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time: fields separated by commas, a quoted field may hold commas, doubled
 * quotes and line breaks; records end at LF or CRLF. A reader of papi's own, so that validation reads the files
 * as Personalize would, independently of the engine that wrote them.
 */
public final class CsvReader implements AutoCloseable {
    private final Reader in;
    private final StringBuilder field = new StringBuilder();
    // an unsynchronised buffer of our own: BufferedReader.read() takes a lock per character
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;

    public CsvReader(Reader in) {
        this.in = in;
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    /** The line the next record starts on (1-based). */
    public long line() {
        return line;
    }

    /** The next record, or null at the end of the input. */
    public List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IOException("line " + start + ": a quoted field is not closed");
                }
                if (c == '"') {
                    int peek = read();
                    if (peek == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = peek;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c < 0) {
                int length = field.length();
                if (!wasQuoted && length > 0 && field.charAt(length - 1) == '\r') {
                    field.setLength(length - 1);
                }
                fields.add(field.toString());
                line++;
                return fields;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '\r' && wasQuoted) {
                // the CR of a CRLF after a closing quote
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
