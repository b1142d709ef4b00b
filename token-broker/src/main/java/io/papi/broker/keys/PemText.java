package io.papi.broker.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * PEM as openssl writes it: {@code -----BEGIN <TYPE>-----}, the DER in base64 at 64 columns, {@code -----END
 * <TYPE>-----}, each line ending in {@code \n}. Built straight into bytes, never a {@code String}, so a private
 * key's PEM can be wiped once it is written.
 */
public final class PemText {
    private static final byte[] NEWLINE = {'\n'};

    private PemText() {}

    public static byte[] encode(String type, byte[] der) {
        byte[] header = ("-----BEGIN " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Base64.getMimeEncoder(64, NEWLINE).encode(der);
        byte[] footer = ("\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] pem = new byte[header.length + body.length + footer.length];
        System.arraycopy(header, 0, pem, 0, header.length);
        System.arraycopy(body, 0, pem, header.length, body.length);
        System.arraycopy(footer, 0, pem, header.length + body.length, footer.length);
        Arrays.fill(body, (byte) 0);
        return pem;
    }
}
