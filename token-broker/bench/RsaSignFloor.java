import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

/**
 * The floor under a JWT mint: one RSA-2048 SHA256withRSA signature by the JDK, nothing else.
 * Run with any JDK, no build needed: {@code java token-broker/bench/RsaSignFloor.java}.
 * Compare with {@code jwt-mint.sh}: what papi adds to a mint is the difference.
 */
public class RsaSignFloor {
    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] signingInput = new byte[300];   // about the size of a header.claims of a Snowflake JWT
        Signature signature = Signature.getInstance("SHA256withRSA");
        int warmup = 3000;
        int count = 3000;
        for (int i = 0; i < warmup + count; i++) {
            if (i == warmup) {
                long t0 = System.nanoTime();
                for (int j = 0; j < count; j++) {
                    signature.initSign(pair.getPrivate());
                    signature.update(signingInput);
                    signature.sign();
                }
                System.out.printf("java %s: %.3f ms per RSA-2048 signature (%d after %d warm-up)%n",
                        System.getProperty("java.version"), (System.nanoTime() - t0) / 1e6 / count, count, warmup);
                return;
            }
            signature.initSign(pair.getPrivate());
            signature.update(signingInput);
            signature.sign();
        }
    }
}
