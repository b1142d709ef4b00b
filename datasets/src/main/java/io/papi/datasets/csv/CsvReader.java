package io.papi.datasets.csv;

import java.io.BufferedReader;
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
    private final BufferedReader in;
    private final StringBuilder field = new StringBuilder();
    private long line = 1;

    public CsvReader(Reader in) {
        this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
    }

    /** The line the next record starts on (1-based). */
    public long line() {
        return line;
    }

    /** The next record, or null at the end of the input. */
    public List<String> next() throws IOException {
        int c = in.read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IOException("line " + line + ": a quoted field is not closed");
                }
                if (c == '"') {
                    int peek = in.read();
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
            c = in.read();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
