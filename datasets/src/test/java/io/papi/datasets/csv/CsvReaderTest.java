package io.papi.datasets.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void readsQuotedCommasDoubledQuotesLineBreaksAndCrlf() throws IOException {
        CsvReader in = new CsvReader(new StringReader("a,\"b,\"\"c\"\"\r\nd\",\r\n\"\",x\n"));
        assertThat(in.next()).containsExactly("a", "b,\"c\"\r\nd", "");
        assertThat(in.line()).isEqualTo(3);
        assertThat(in.next()).containsExactly("", "x");
        assertThat(in.next()).isNull();
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        CsvReader in = new CsvReader(new StringReader("a,\"b\n"));
        assertThatThrownBy(in::next).isInstanceOf(IOException.class).hasMessage("line 1: a quoted field is not closed");
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() throws IOException {
        StringWriter text = new StringWriter();
        List<String> record = List.of("plain", "com,ma", "qu\"ote", "new\nline", "ü");
        new CsvWriter(text).write(record.toArray(String[]::new));
        assertThat(text.toString()).isEqualTo("plain,\"com,ma\",\"qu\"\"ote\",\"new\nline\",ü\n");
        assertThat(new CsvReader(new StringReader(text.toString())).next()).isEqualTo(record);
    }
}
