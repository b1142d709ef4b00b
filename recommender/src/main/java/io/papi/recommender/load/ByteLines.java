package io.papi.recommender.load;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines of raw bytes ({@code \n}, {@code \r\n} or {@code \r} end a line), so that each line
 * is decoded, and its encoding errors reported, on its own.
 */
final class ByteLines {

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkLen;
    private int chunkPos;
    private byte[] line = new byte[256];
    private int lineLen;
    private long lineNumber;
    private long bytesConsumed;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Reads the next line; false at end of input. */
    boolean next() throws IOException {
        lineLen = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkLen) {
                if (eof) {
                    break;
                }
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    eof = true;
                    break;
                }
            }
            byte b = chunk[chunkPos++];
            bytesConsumed++;
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if (chunkPos == chunkLen && !eof) {
                    chunkLen = in.read(chunk);
                    chunkPos = 0;
                    if (chunkLen <= 0) {
                        chunkLen = 0;
                        eof = true;
                    }
                }
                if (chunkPos < chunkLen && chunk[chunkPos] == '\n') {
                    chunkPos++;
                    bytesConsumed++;
                }
                break;
            }
            if (lineLen == line.length) {
                line = Arrays.copyOf(line, lineLen * 2);
            }
            line[lineLen++] = b;
        }
        if (!any) {
            return false;
        }
        lineNumber++;
        return true;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLen;
    }

    long lineNumber() {
        return lineNumber;
    }

    long bytesConsumed() {
        return bytesConsumed;
    }
}
