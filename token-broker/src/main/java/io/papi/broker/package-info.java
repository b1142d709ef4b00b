/**
 * Keys to JWT to session token to broker: everything papi does to hold a valid Snowpark Container Services session
 * token. Start here: {@link io.papi.broker.TokenBroker} (in process) or {@link io.papi.broker.BrokerServer} (the
 * sidecar). Public types in flow order:
 *
 * <ol>
 *   <li>Keys: {@link io.papi.broker.KeyPairs}, {@link io.papi.broker.KeyFiles} (through {@code io.papi.files.SecureFiles}),
 *       {@link io.papi.broker.PrivateKeys}, {@link io.papi.broker.PassphraseSource},
 *       {@link io.papi.broker.PublicKeys}, {@link io.papi.broker.KeyFingerprint},
 *       {@link io.papi.broker.KeyFileException}.</li>
 *   <li>Who and where: {@link io.papi.broker.AccountIdentifier}, {@link io.papi.broker.Identity},
 *       {@link io.papi.broker.PatFile}, {@link io.papi.broker.TokenScope}, {@link io.papi.broker.TokenUrls}.</li>
 *   <li>JWT: {@link io.papi.broker.KeyPairJwt}, {@link io.papi.broker.JwtInspector}.</li>
 *   <li>Token: {@link io.papi.broker.TokenExchange}, {@link io.papi.broker.TokenExchangeException},
 *       {@link io.papi.broker.SessionToken}, {@link io.papi.broker.TokenHash}.</li>
 *   <li>Refresh: {@link io.papi.broker.RefreshingTokenSource}, {@link io.papi.broker.RefreshPolicy},
 *       {@link io.papi.broker.RefreshTrigger}, {@link io.papi.broker.RefreshListener},
 *       {@link io.papi.broker.RefreshFailure}, {@link io.papi.broker.TokenStatus},
 *       {@link io.papi.broker.TokenUnavailableException}.</li>
 *   <li>Broker: {@link io.papi.broker.TokenBroker}, {@link io.papi.broker.TokenSinks},
 *       {@link io.papi.broker.BrokerConfig} (its proxy as the record {@link io.papi.broker.BrokerConfig.Proxy}),
 *       {@link io.papi.broker.BrokerSecret},
 *       {@link io.papi.broker.BrokerServer}, {@link io.papi.broker.ForwardingProxy}.</li>
 *   <li>Shared with every command: {@link io.papi.broker.Durations}, papi's one duration grammar.</li>
 * </ol>
 *
 * <p>Internals: {@code keys} (PEM decoding), {@code exchange} (request and response bodies of {@code /oauth/token}),
 * {@code refresh} (scheduling, key reload), {@code sidecar} (the HTTP routes and the proxy).
 */
package io.papi.broker;
