#!/usr/bin/env bash
# Builds the release archives from cli/target (run by Maven in the package phase, after papi.jar and lib/):
#   papi-VERSION-linux-x64.tar.gz  bin/papi, lib/, runtime/ (jlink'd, only the modules papi uses), lib/papi.aot
#   papi-VERSION.zip               bin/papi, bin/papi.cmd, lib/: runs on the system's Java 17 or newer
# each with a .sha256 beside it. Usage: build-archives.sh TARGET_DIR VERSION MODULES
#
# The runtime comes from $PAPI_RUNTIME_JDK, else Temurin 25 when installed, else the JDK running the build.
# With a JDK 25 runtime the class data is an AOT cache (JEP 483/514), which stays valid wherever the archive is
# unpacked; papi's bytecode stays Java 17 either way. With an older runtime only jlink's own CDS archive of the
# JDK classes is made (a JDK 17 application archive would only work at the path it was made at).
set -euo pipefail

target="$1"
version="$2"
modules="$3"
src="$(cd "$(dirname "$0")" && pwd)"
started=$(date +%s%N)

jdk="${PAPI_RUNTIME_JDK:-}"
if [ -z "$jdk" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ]; then jdk="$candidate"; break; fi
  done
fi
[ -x "$jdk/bin/jlink" ] || { echo "build-archives: no jlink in '$jdk': set PAPI_RUNTIME_JDK to a JDK 17+ home" >&2; exit 1; }
feature="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"

dist="$target/dist"
rm -rf "$dist"
mkdir -p "$dist"

# lib/: papi.jar without its Class-Path attribute (bin/papi names every jar, in the order below), and the jars.
stage() {
  local root="$1"
  mkdir -p "$root/bin" "$root/lib"
  cp "$target"/lib/*.jar "$root/lib/"
  local unpacked="$target/dist/.papi-jar"
  rm -rf "$unpacked" && mkdir -p "$unpacked" && (cd "$unpacked" && unzip -q "$target/papi.jar")
  printf 'Manifest-Version: 1.0\nMain-Class: io.papi.cli.PapiMain\nImplementation-Version: %s\n' "$version" > "$unpacked/manifest.txt"
  rm "$unpacked/META-INF/MANIFEST.MF"
  (cd "$unpacked" && jar --create --file "$root/lib/papi.jar" --manifest manifest.txt --date=2026-01-01T00:00:00Z \
      $(ls | grep -v manifest.txt))
  rm -rf "$unpacked"
}

# The class path: what one-shot commands (keygen, fingerprint, jwt, token) load comes first, so that finding
# their classes never opens the big jars (snowflake-jdbc alone is 99 MB with tens of thousands of entries).
classpath() {
  local first=(papi picocli token-broker nimbus-jose-jwt slf4j-api slf4j-simple okhttp okio-jvm kotlin-stdlib)
  local ordered=() jar name
  for name in "${first[@]}"; do
    for jar in "$target"/lib/"$name"*.jar "$target/$name.jar"; do
      [ -f "$jar" ] && ordered+=("$(basename "$jar")")
    done
  done
  for jar in "$target"/lib/*.jar; do
    name="$(basename "$jar")"
    [[ " ${ordered[*]} " == *" $name "* ]] || ordered+=("$name")
  done
  printf '$lib/%s:' "${ordered[@]}" | sed 's/:$//'
}

launcher() {
  local root="$1" bundled="$2" note="$3"
  sed -e "s|@BUNDLED@|$bundled|" -e "s|@RUNTIME_NOTE@|$note|" -e "s|@CLASSPATH@|$(classpath)|" \
      "$src/bin/papi" > "$root/bin/papi"
  chmod 755 "$root/bin/papi"
}

# --- papi-VERSION-linux-x64.tar.gz
name="papi-$version"
tarroot="$dist/linux-x64/$name"
stage "$tarroot"
launcher "$tarroot" 1 "It runs on the Java runtime in runtime/ (jlink'd from Java $feature), never on a system java."
cds=()
[ "$feature" -lt 25 ] && cds=(--generate-cds-archive)
"$jdk/bin/jlink" --add-modules "$modules" --output "$tarroot/runtime" --strip-debug --no-header-files \
    --no-man-pages "${cds[@]}"

if [ "$feature" -ge 25 ]; then
  # Training run: keygen makes a key, then one `papi jwt` records what a one-shot command loads and links.
  train="$(mktemp -d)"
  trap 'rm -rf "$train"' EXIT
  PAPI_HOME="$train/home" "$tarroot/bin/papi" keygen --out "$train" >/dev/null
  PAPI_HOME="$train/home" PAPI_JAVA_OPTS="-XX:AOTCacheOutput=$tarroot/lib/papi.aot -Xlog:aot=warning" \
      "$tarroot/bin/papi" jwt --account xy12345.us-east-1.aws --user TRAINING --private-key "$train/rsa_key.p8" \
      >/dev/null 2>"$train/aot.log" || { cat "$train/aot.log" >&2; exit 1; }
  rm -f "$tarroot/lib/papi.aot.config"
  [ -s "$tarroot/lib/papi.aot" ] || { echo "build-archives: the AOT cache was not written" >&2; exit 1; }
fi

# --- papi-VERSION.zip
ziproot="$dist/any/$name"
stage "$ziproot"
launcher "$ziproot" 0 "It runs on the system's Java 17 or newer (JAVA_HOME, else java on the PATH)."
cp "$src/bin/papi.cmd" "$ziproot/bin/papi.cmd"

tar -C "$dist/linux-x64" -czf "$target/$name-linux-x64.tar.gz" --owner=0 --group=0 "$name"
(cd "$dist/any" && rm -f "$target/$name.zip" && zip -qr -X "$target/$name.zip" "$name")
for archive in "$name-linux-x64.tar.gz" "$name.zip"; do
  (cd "$target" && sha256sum "$archive" > "$archive.sha256")
done

took=$(( ($(date +%s%N) - started) / 1000000 ))
echo "build-archives: $(cd "$target" && du -h "$name-linux-x64.tar.gz" "$name.zip" | tr '\t\n' ' ')(runtime: Java $feature; ${took} ms)"
