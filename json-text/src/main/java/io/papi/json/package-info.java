/**
 * papi's one JSON text writer, JDK only, below both the lookup-table contract and the HTTP serving setup. Public
 * types:
 *
 * <ol>
 *   <li>{@link io.papi.json.JsonText}: JSON strings (escaped as JSON requires, or script-safe for replies), numbers,
 *       and the flat string objects of one-line replies and error bodies.</li>
 * </ol>
 */
package io.papi.json;
