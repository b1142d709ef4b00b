/**
 * What the modules' tests share, in test scope only. In the order a token test uses them:
 *
 * <ol>
 *   <li>{@link io.papi.testing.TestKeys}: RSA key pairs made once per JVM, and key files papi must refuse.</li>
 *   <li>{@link io.papi.testing.MutableClock}: a clock tests move by hand.</li>
 *   <li>{@link io.papi.testing.StubServer}: WireMock on a free port, for each HTTP peer papi does not own.</li>
 *   <li>{@link io.papi.testing.SnowflakeTokenEndpoint}: WireMock as Snowflake's {@code /oauth/token}, and the
 *       replies it gives.</li>
 *   <li>{@link io.papi.testing.TokenIssuer}: a WireMock transformer answering like Snowflake's
 *       {@code /oauth/token}, with tokens whose expiry follows the test clock.</li>
 *   <li>{@link io.papi.testing.FakeSnowflakeDriver}: a JDBC driver standing in for snowflake-jdbc, recording
 *       every connect.</li>
 *   <li>{@link io.papi.testing.Openssl}: the real {@code openssl} binary, to compare papi's keys with it and to make
 *       test certificates.</li>
 *   <li>{@link io.papi.testing.TestTls}: trust in one self-signed certificate, for a test server's clients.</li>
 *   <li>{@link io.papi.testing.Resources}: teardown that closes every server a test started, even when one
 *       fails.</li>
 * </ol>
 */
package io.papi.testing;
