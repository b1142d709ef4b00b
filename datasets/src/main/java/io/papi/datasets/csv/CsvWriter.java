package io.papi.datasets.csv;

import java.io.IOException;
import java.io.Writer;

/** Writes RFC 4180 records: a field with a comma, a quote, CR or LF is quoted, its quotes doubled; lines end in LF. */
public final class CsvWriter implements AutoCloseable {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** One record; a null field is written empty. */
    public void write(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(fields[i]);
        }
        out.write('\n');
    }

    private void writeField(String value) throws IOException {
        if (value == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
