/**
 * The {@code papi} command line: one subcommand per class in {@code command}, settings declared once in
 * {@code config}. Start here: {@link io.papi.cli.PapiMain}. Public types in flow order:
 *
 * <ol>
 *   <li>{@link io.papi.cli.PapiMain}: the entry point.</li>
 *   <li>{@link io.papi.cli.Papi}: builds the command line every caller and test runs.</li>
 *   <li>{@link io.papi.cli.Environment}: what a command may know beyond its arguments.</li>
 *   <li>{@link io.papi.cli.JsonOutput}: JSON output for commands.</li>
 *   <li>{@link io.papi.cli.PapiException}, {@link io.papi.cli.ExitCode}: one-line failures and exit codes.</li>
 * </ol>
 *
 * <p>Internals: {@code command} (subcommands), {@code config} (settings), {@code call}, {@code snowflake},
 * {@code stack}, {@code status}.
 */
package io.papi.cli;
