package io.papi.local;

import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Run in a child JVM by {@link LocalAccountTest}: opens a local account directory another process holds open and
 * registers a user, as {@code papi user create --local} does while {@code papi local} runs.
 * Arguments: directory, user name, base64 DER public key. Prints the change's message.
 */
public final class SecondProcess {
    public static void main(String[] args) throws Exception {
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(args[2])));
        try (LocalAccount account = LocalAccount.open(Path.of(args[0]))) {
            System.out.println(
                    account.users().create(args[1], "DATA_API_ROLE", key).outcome());
        }
    }
}
