/**
 * The embedded stand-in for Snowflake's authentication, so papi runs on one laptop with no Snowflake account.
 *
 * <p>{@link io.papi.local.LocalAccount} opens a directory holding the account; its
 * {@link io.papi.local.UserRegistry} keeps users with two key slots as Snowflake does; its
 * {@link io.papi.local.LocalTokenEndpoint} answers {@code POST /oauth/token} with Snowflake's request and response
 * shapes and rules; its {@link io.papi.local.SessionTokenVerifier} is the local ingress's authentication.
 *
 * <p>Start here: {@link io.papi.local.LocalAccount}. Public types in flow order:
 * <ol>
 *   <li>Users: {@link io.papi.local.LocalAccount}, {@link io.papi.local.UserRegistry},
 *       {@link io.papi.local.LocalUser}, {@link io.papi.local.UserChange}.</li>
 *   <li>Login: {@link io.papi.local.LocalTokenEndpoint}, {@link io.papi.local.LoginFailure},
 *       {@link io.papi.local.LoginFailureCode}.</li>
 *   <li>Ingress: {@link io.papi.local.SessionTokenVerifier}, {@link io.papi.local.SessionCheck},
 *       {@link io.papi.local.VerifiedSession}, {@link io.papi.local.SessionRejection}.</li>
 * </ol>
 *
 * <p>Where Snowflake's behaviour is not documented, the choice made here:
 * <ul>
 *   <li>Session tokens are HS256 JWTs (Snowflake's are opaque; clients must not read them either). Their lifetime
 *       defaults to 10 minutes.</li>
 *   <li>A role in the scope that the user does not have is answered with HTTP 400 and code 390186 in Snowflake's
 *       error envelope, the code Snowflake uses for a role not granted at login.</li>
 *   <li>Account and user in the JWT are compared exactly, upper-case: a lower-case account or user is rejected
 *       (394307 / 394300) with a hint, so a client that forgets to upper-case fails here as it may in Snowflake.</li>
 *   <li>A JWT whose {@code iat} is more than 60 s ahead of this clock is rejected (394393, a local code).</li>
 *   <li>Only {@code urn:ietf:params:oauth:grant-type:jwt-bearer} is accepted; programmatic access tokens are not
 *       simulated.</li>
 * </ul>
 */
package io.papi.local;
