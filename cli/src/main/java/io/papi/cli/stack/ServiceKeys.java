package io.papi.cli.stack;

import io.papi.broker.KeyFiles;
import io.papi.broker.KeyPairs;
import io.papi.broker.PassphraseSource;
import io.papi.broker.PrivateKeys;
import io.papi.broker.PublicKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** The quickstart's key pair: made once in the keys directory, read back on every later run. */
public record ServiceKeys(Path privateKeyFile, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, boolean created) {

    public static ServiceKeys loadOrCreate(Path dir, String name) throws IOException {
        Path privateFile = dir.resolve(name + ".p8");
        Path publicFile = dir.resolve(name + ".pub");
        if (Files.exists(privateFile)) {
            RSAPrivateCrtKey key = PrivateKeys.read(privateFile, PassphraseSource.none());
            return new ServiceKeys(privateFile, key, PublicKeys.fromPrivate(key), false);
        }
        io.papi.files.SecureFiles.createPrivateDirectories(dir); // folders papi creates are 0700
        KeyPair pair = KeyPairs.generate(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        KeyFiles.writePrivateKey(privateFile, key, null);
        KeyFiles.writePublicKey(publicFile, pub);
        return new ServiceKeys(privateFile, key, pub, true);
    }
}
