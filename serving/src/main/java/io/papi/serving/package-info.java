/**
 * papi's one HTTP serving setup on Jetty 12.1, shared by the broker's token API and proxy, the local
 * {@code /oauth/token} and the lookup API. Start here: {@link io.papi.serving.HttpServing}. Public types in flow
 * order:
 *
 * <ol>
 *   <li>{@link io.papi.serving.ServerAddress}: a TCP address or a Unix domain socket.</li>
 *   <li>{@link io.papi.serving.ServingConfig}: address, optional TLS, and the limits of one listener.</li>
 *   <li>{@link io.papi.serving.PemTls}: TLS from two PEM files.</li>
 *   <li>{@link io.papi.serving.LoopbackNames}: "is this loopback", from text alone.</li>
 *   <li>{@link io.papi.serving.HttpServing}: the running listener.</li>
 *   <li>{@link io.papi.serving.OutboundConnections}: outgoing connections served by a TCP listener's own selector
 *       threads (the broker's proxy reaches its endpoint with them).</li>
 *   <li>{@link io.papi.serving.JsonLine} and {@link io.papi.serving.JsonLineErrorHandler}: the one-line JSON error
 *       body, also for the errors Jetty raises itself.</li>
 * </ol>
 */
package io.papi.serving;
