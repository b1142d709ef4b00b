package io.papi.cli.command;

import picocli.CommandLine.Option;

/** {@code --authenticator}: how your own JDBC login authenticates. Shared by {@code papi user} and {@code papi doctor}. */
public final class AuthenticatorOption {
    @Option(
            names = "--authenticator",
            paramLabel = "NAME",
            description =
                    "How your JDBC login authenticates: snowflake_jwt, externalbrowser, username_password_mfa, "
                            + "programmatic_access_token, oauth, snowflake (env SNOWFLAKE_AUTHENTICATOR; default from the connection)")
    String name;
}
