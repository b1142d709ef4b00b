package io.papi.recommender.load;

import io.papi.recommender.BadDataException;
import io.papi.recommender.ProgressListener;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a delimited text file row by row, turning each row's problem into a counted bad row. */
final class TextTable {

    interface HeaderHandler {
        /** Receives the header's column names; throws when a required column is missing. */
        void header(List<String> names, long line) throws BadDataException;
    }

    interface RowHandler {
        void row(List<String> fields, long line) throws RowProblem;
    }

    private static final long PROGRESS_STEP = 1 << 16;

    private TextTable() {}

    static void read(
            Path file,
            Charset charset,
            FieldSplitter splitter,
            HeaderHandler header,
            RowHandler rows,
            BadRowCollector bad,
            ProgressListener progress)
            throws IOException {
        requireFile(file);
        LineDecoder decoder = new LineDecoder(charset);
        boolean headerPending = header != null;
        progress.start("reading " + file.getFileName(), Files.size(file));
        long reported = 0;
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = new ByteLines(in);
            while (lines.next()) {
                long lineNo = lines.lineNumber();
                if (lines.bytesConsumed() - reported >= PROGRESS_STEP) {
                    progress.advance(lines.bytesConsumed() - reported);
                    reported = lines.bytesConsumed();
                }
                if (isBlank(lines.bytes(), lines.length())) {
                    continue;
                }
                if (headerPending) {
                    headerPending = false;
                    String text;
                    List<String> names;
                    try {
                        text = decoder.decode(lines.bytes(), lines.length(), lineNo == 1);
                        names = splitter.split(text);
                    } catch (RowProblem p) {
                        throw new BadDataException(file.getFileName() + ":" + lineNo + ": header: " + p.getMessage());
                    }
                    header.header(names.stream().map(String::trim).toList(), lineNo);
                    continue;
                }
                bad.row();
                try {
                    String text = decoder.decode(lines.bytes(), lines.length(), lineNo == 1);
                    rows.row(splitter.split(text), lineNo);
                } catch (RowProblem p) {
                    bad.bad(lineNo, p.getMessage());
                }
            }
            progress.advance(lines.bytesConsumed() - reported);
        } finally {
            progress.done();
        }
        if (headerPending) {
            throw new BadDataException(file.getFileName() + ": the file is empty; expected a header line first");
        }
    }

    static void requireFile(Path file) throws FileNotFoundException {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("file not found: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new FileNotFoundException("file is not readable: " + file);
        }
    }

    static void requireFieldCount(List<String> fields, int expected, String what) throws RowProblem {
        if (fields.size() != expected) {
            throw new RowProblem("expected " + expected + " " + what + " fields, found " + fields.size());
        }
    }

    private static boolean isBlank(byte[] b, int len) {
        for (int k = 0; k < len; k++) {
            if (b[k] != ' ' && b[k] != '\t') {
                return false;
            }
        }
        return true;
    }
}
