package io.papi.recommender.load;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes one line, reporting bytes that do not belong to the file's encoding instead of replacing them silently.
 *
 * <p>ISO-8859-1 maps every byte to a character, so a wrong encoding cannot be detected by decoding; instead bytes
 * 0x00-0x1F (except tab) and 0x7F-0x9F are rejected: they are control characters that never occur in MovieLens'
 * titles and do occur when a file was re-saved as Windows-1252 (curly quotes are 0x91-0x94 there).
 */
final class LineDecoder {

    private final Charset charset;
    private final CharsetDecoder decoder;
    private final boolean latin1;

    LineDecoder(Charset charset) {
        this.charset = charset;
        this.latin1 = charset.equals(StandardCharsets.ISO_8859_1);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    String decode(byte[] bytes, int len, boolean firstLine) throws RowProblem {
        int from = 0;
        if (firstLine
                && len >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
                && charset.equals(StandardCharsets.UTF_8)) {
            from = 3; // a UTF-8 byte order mark, as spreadsheet exports write
        }
        if (latin1) {
            for (int k = from; k < len; k++) {
                int b = bytes[k] & 0xFF;
                if ((b < 0x20 && b != '\t') || (b >= 0x7F && b <= 0x9F)) {
                    throw new RowProblem(String.format(
                            Locale.ROOT,
                            "byte 0x%02X at column %d is not a printable ISO-8859-1 character (was the file re-encoded?)",
                            b,
                            k - from + 1));
                }
            }
            return new String(bytes, from, len - from, StandardCharsets.ISO_8859_1);
        }
        boolean ascii = true;
        for (int k = from; k < len; k++) {
            if (bytes[k] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, from, len - from, StandardCharsets.US_ASCII);
        }
        try {
            return decoder.reset()
                    .decode(ByteBuffer.wrap(bytes, from, len - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RowProblem("the line is not valid " + charset.name() + " text");
        }
    }
}
