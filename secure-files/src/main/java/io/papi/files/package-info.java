/**
 * papi's one file writer, used by every module that writes a file: {@link io.papi.files.SecureFiles} writes to a
 * temporary file created owner-only (0600) in the target's folder, forces it to disk, renames it over the target
 * and forces the folder; it also creates owner-only (0700) folders.
 */
package io.papi.files;
