package io.papi.broker;

import io.papi.files.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's default secret, {@code $PAPI_HOME/broker/secret}: 32 random bytes as 64 hex digits, in a file only
 * its owner can read (0600, in a 0700 folder). Whoever can read the file can take tokens; no other OS user can.
 * Created on first use; the path is logged, the value never.
 */
public final class BrokerSecret {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerSecret.class);
    private static final int BYTES = 32;

    private BrokerSecret() {}

    /** {@code <papiHome>/broker/secret}. */
    public static Path defaultFile(Path papiHome) {
        return papiHome.resolve("broker").resolve("secret");
    }

    /**
     * The secret in {@code file}, creating the file (and its folder, 0700) when it is missing.
     *
     * @throws IOException when it cannot be read or written, naming the file
     */
    public static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            warnIfOthersCanRead(file);
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IOException(
                        "the broker secret " + file + " is empty: delete it and papi broker writes a new one");
            }
            return text;
        }
        Path folder = file.toAbsolutePath().getParent();
        SecureFiles.createPrivateDirectories(folder);
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        java.util.Arrays.fill(random, (byte) 0);
        SecureFiles.writeAtomically(file, secret.getBytes(StandardCharsets.US_ASCII));
        LOG.info("wrote a new broker secret to {} (0600): callers send it as 'Authorization: Bearer <secret>'", file);
        return secret;
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn(
                        "the broker secret {} is readable by others, who can then take tokens: chmod 600 {}",
                        file,
                        file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot read the mode of {}: {}", file, e.toString());
        }
    }
}
