package io.papi.broker.keys;

import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Names users know for the key algorithms they might hand papi by mistake, for one-line error messages. */
final class KeyAlgorithmNames {
    private static final Map<String, String> WITH_ARTICLE = Map.of(
            "1.2.840.10045.2.1", "an EC key",
            "1.3.101.112", "an Ed25519 key",
            "1.3.101.113", "an Ed448 key",
            "1.3.101.110", "an X25519 key",
            "1.3.101.111", "an X448 key",
            "1.2.840.10040.4.1", "a DSA key",
            "1.2.840.113549.1.3.1", "a Diffie-Hellman key",
            "1.2.840.10046.2.1", "a Diffie-Hellman key",
            "1.2.840.113549.1.1.10", "an RSASSA-PSS key");

    private KeyAlgorithmNames() {}

    /** "an EC key", "a DSA key", or "a key of algorithm 1.2.3" for anything else. */
    static String withArticle(ASN1ObjectIdentifier algorithm) {
        return WITH_ARTICLE.getOrDefault(algorithm.getId(), "a key of algorithm " + algorithm.getId());
    }
}
