package io.papi.broker.keys;

import io.papi.broker.KeyFileException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The key-bearing PEM object of a key file (its private key if it has one, else its public key, else its first
 * object), as BouncyCastle's {@link PEMParser} decodes it: a
 * {@code PrivateKeyInfo}, {@code PKCS8EncryptedPrivateKeyInfo}, {@code PEMKeyPair}, {@code PEMEncryptedKeyPair},
 * {@code SubjectPublicKeyInfo} or a certificate. Every way the file itself can be wrong ends here as a
 * {@link KeyFileException} with one line naming the file.
 */
public final class PemKeyFile {
    /** Key files are a few kilobytes; anything much bigger is the wrong file, and is not read into memory. */
    static final long MAX_BYTES = 64 * 1024;

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    private final Path path;
    private final Object content;

    private PemKeyFile(Path path, Object content) {
        this.path = path;
        this.content = content;
    }

    /**
     * Reads {@code path}.
     *
     * @param wanted what the caller needs, as the fix in a message says it: "the private key file (rsa_key.p8)"
     */
    public static PemKeyFile read(Path path, String wanted) {
        String text = new String(readBytes(path, wanted), StandardCharsets.ISO_8859_1);
        List<String> types = blockTypes(text);
        if (types.isEmpty()) {
            throw new KeyFileException(path + " is not a PEM key file (no -----BEGIN ...----- line): give " + wanted);
        }
        if (types.contains("OPENSSH PRIVATE KEY")) {
            throw new KeyFileException(path + " is an OpenSSH key; Snowflake needs a PKCS#8 PEM key: "
                    + "convert a copy with ssh-keygen -p -m PKCS8 -f <copy>, or make a new one with papi keygen");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                // openssl ecparam -genkey writes an EC PARAMETERS block before the key itself
                if (!(object instanceof ASN1ObjectIdentifier) && !(object instanceof X9ECParameters)) {
                    objects.add(object);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("unrecognised object")) {
                throw new KeyFileException(
                        path + " holds a '" + types.get(0) + "' block, which is not a key papi reads: give " + wanted);
            }
            throw new KeyFileException(
                    path + " holds a damaged PEM block (" + types.get(0) + "): give " + wanted
                            + ", exported again with openssl pkcs8 -topk8",
                    e);
        }
        if (objects.isEmpty()) {
            throw new KeyFileException(path + " holds no key (only " + String.join(", ", types) + "): give " + wanted);
        }
        // a bundle (certificate + key, public + private) is read for its private key, then its public key
        return new PemKeyFile(
                path,
                objects.stream()
                        .filter(PemKeyFile::isPrivate)
                        .findFirst()
                        .or(() -> objects.stream()
                                .filter(SubjectPublicKeyInfo.class::isInstance)
                                .findFirst())
                        .orElse(objects.get(0)));
    }

    private static boolean isPrivate(Object object) {
        return object instanceof PrivateKeyInfo
                || object instanceof PKCS8EncryptedPrivateKeyInfo
                || object instanceof PEMKeyPair
                || object instanceof PEMEncryptedKeyPair;
    }

    private static byte[] readBytes(Path path, String wanted) {
        try {
            if (Files.isDirectory(path)) {
                throw new KeyFileException(path + " is a directory, not a key file: give " + wanted);
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new KeyFileException(path + " is " + size + " bytes, too large for a key file: give " + wanted);
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(
                    path + " does not exist: give " + wanted + ", or create one with papi keygen", e);
        } catch (AccessDeniedException e) {
            throw new KeyFileException(
                    "cannot read " + path + ": permission denied; run papi as the key file's owner", e);
        } catch (IOException e) {
            throw new KeyFileException(
                    "cannot read " + path + ": " + e.getClass().getSimpleName() + "; give " + wanted, e);
        }
    }

    private static List<String> blockTypes(String text) {
        List<String> types = new ArrayList<>();
        Matcher m = BEGIN.matcher(text);
        while (m.find()) {
            types.add(m.group(1));
        }
        return types;
    }

    /** The file this came from, as the user gave it. */
    public Path path() {
        return path;
    }

    /** The decoded PEM object. */
    public Object content() {
        return content;
    }
}
