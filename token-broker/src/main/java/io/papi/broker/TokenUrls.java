package io.papi.broker;

import java.net.URI;

/** Where an account's token exchange lives: {@code https://<account host>/oauth/token}. */
public final class TokenUrls {
    private TokenUrls() {}

    /**
     * The default token URL of {@code account}. Private link, proxies, tests and the local stand-in need another
     * one: callers take a whole URL to override this.
     */
    public static URI forAccount(AccountIdentifier account) {
        return URI.create("https://" + account.host() + "/oauth/token");
    }
}
