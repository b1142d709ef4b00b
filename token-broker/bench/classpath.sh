#!/usr/bin/env bash
# Sourced by token-broker's benchmark scripts. bench_classpath CLASS prints the classpath to run the test-scope
# class CLASS with, compiling first when the class is missing or older than a source, or the classpath is stale.
# It compiles with -am, so that the serving module and its Jetty come from this checkout, not from whatever ~/.m2
# holds. Set MVN_FLAGS=-o to keep Maven offline.
bench_module="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_root="$(cd "$bench_module/.." && pwd)"

bench_classpath() {
  local class_file="$bench_module/target/test-classes/${1//.//}.class"
  local classpath_file="$bench_module/target/bench.classpath"
  if [ ! -f "$class_file" ] \
     || [ -n "$(find "$bench_module/src" "$bench_root/serving/src" -newer "$class_file" -name '*.java' -print -quit)" ] \
     || [ ! -s "$classpath_file" ] || [ "$bench_module/pom.xml" -nt "$classpath_file" ]; then
    echo "compiling token-broker..." >&2
    (cd "$bench_root" && mvn -B -q ${MVN_FLAGS:-} -pl token-broker -am -DskipTests test-compile \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2)
  fi
  echo "$bench_module/target/classes:$bench_module/target/test-classes:$(cat "$classpath_file")"
}
