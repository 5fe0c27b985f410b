#!/usr/bin/env bash
# Builds target/repo-vitals, a GraalVM native executable, with no GraalVM distribution: the
# native-image builder (org.graalvm.nativeimage:svm and its sibling jars, from Maven Central)
# runs as a plain Java program on a JDK 25 that has the jdk.internal.vm.ci module (Temurin 25).
# What the distribution would add and Maven Central lacks is made here (scripts/native/):
#   - the C headers of the builder's C-interface queries, generated from the svm jar;
#   - liblibchelper.a (CPU features, locale, and what the distribution's libjvm.a and
#     libsvm_container.a provide) and the progress reporter's JNI helper, from our C;
#   - the JDK's libraries: Temurin ships no static libjava.a/libnio.a/libnet.a, so those names
#     are linker scripts pointing at Temurin's shared libraries, which sit beside the binary with
#     a libjvm.so shim (scripts/native/gen-jvm-shim.sh) that their JVM_* imports bind to.
# The jar stays Java 17 bytecode (built by ./mvnw as always); only this build runs on JDK 25.
#
# Usage: bash scripts/native-build.sh            (about 10-30 min and 6 GB on 2 cores)
# Env: NATIVE_JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), NATIVE_XMX (default 6g),
#      NATIVE_PARALLELISM (default 2), NATIVE_OPTIMIZE (default b: quick build mode, which halves
#      the compile stage on 2 cores; 2 for the builder's full optimisation), SKIP_JAR=1 reuses
#      target/repo-vitals.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
jdk="${NATIVE_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$root/target/native"
started=$(date +%s)

if [ ! -x "$jdk/bin/java" ] || ! "$jdk/bin/java" --list-modules | grep -q '^jdk.internal.vm.ci@'; then
  echo "error: NATIVE_JAVA_HOME=$jdk is not a JDK 25 with the jdk.internal.vm.ci module (Temurin 25 has it)" >&2
  exit 1
fi
command -v gcc >/dev/null || { echo "error: gcc is needed to link the executable (Debian: apt-get install gcc zlib1g-dev)" >&2; exit 1; }

if [ "${SKIP_JAR:-0}" != 1 ] || [ ! -s target/repo-vitals.jar ]; then
  echo "== the jar (Java 17): ./mvnw package"
  ./mvnw -B -ntp -q -Dmaven.test.skip=true package
fi

echo "== the builder's jars from Maven Central"
rm -rf "$work/builder"
./mvnw -B -ntp -q -f scripts/native/builder-pom.xml dependency:copy-dependencies -DoutputDirectory="$work/builder"
svm_jar="$(ls "$work"/builder/svm-[0-9]*.jar)"
compiler_jar="$(ls "$work"/builder/compiler-[0-9]*.jar)"
module_path="$(ls "$work"/builder/*.jar | grep -v "$compiler_jar" | tr '\n' ':')"

# The builder reads java.home for its own helper library (lib/svm/builder/lib) and copies the JDK
# shared libraries an image needs from java.home/lib: a copy of the JDK is that home.
echo "== the builder's home: a copy of $jdk with the builder's helper library"
home="$work/jdk"
if [ ! -x "$home/bin/java" ]; then cp -a "$jdk" "$home"; fi
mkdir -p "$home/lib/svm/builder/lib"
gcc -O2 -fPIC -shared -I"$jdk/include" -I"$jdk/include/linux" scripts/native/reporterchelper.c \
  -o "$home/lib/svm/builder/lib/libreporterchelper.so"

echo "== C libraries: headers from the svm jar, liblibchelper.a, the JDK libraries and the libjvm.so shim"
clib="$work/clibraries"
rm -rf "$clib" && mkdir -p "$clib/include"
JAVA_HOME="$jdk" bash scripts/native/gen-svm-headers.sh "$svm_jar" "$clib/include"
gcc -O2 -fPIC -c -I"$clib/include" scripts/native/libchelper.c -o "$clib/libchelper.o"
gcc -O2 -fPIC -c -I"$jdk/include" -I"$jdk/include/linux" scripts/native/svmsupport.c -o "$clib/svmsupport.o"
ar rcs "$clib/liblibchelper.a" "$clib/libchelper.o" "$clib/svmsupport.o"
# The JDK libraries the image links (java, nio, net, zip, extnet, management_ext) and AWT's (charts).
linked_libs=(java nio net zip extnet management_ext)
jdk_libs=("${linked_libs[@]}" awt awt_headless fontmanager javajpeg lcms mlib_image)
jdk_libs_so=(); for lib in "${jdk_libs[@]}"; do jdk_libs_so+=("$home/lib/lib$lib.so"); done
bash scripts/native/gen-jvm-shim.sh "$clib/jvmshim.c" "${jdk_libs_so[@]}"
printf 'SUNWprivate_1.1 {\n  global: JVM_*; jio_*;\n  local: *;\n};\n' > "$clib/jvmshim.map"
gcc -O2 -fPIC -shared -Wl,--version-script="$clib/jvmshim.map" -Wl,-soname,libjvm.so "$clib/jvmshim.c" -o "$clib/libjvm.so"
# The builder asks for static libjava.a, libnio.a, libnet.a, ...; GNU ld reads a file it does not
# recognise as an archive as a linker script, so each name links Temurin's shared library.
for lib in "${linked_libs[@]}"; do echo "INPUT($home/lib/lib$lib.so)" > "$clib/lib$lib.a"; done

# Exports the builder needs from the JDK's modules (the GraalVM driver passes the same kind).
targets=org.graalvm.nativeimage.builder,org.graalvm.nativeimage.base,org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.objectfile,org.graalvm.nativeimage.configure,jdk.graal.compiler,org.graalvm.truffle.compiler,ALL-UNNAMED
: > "$work/exports.args"
for module in java.base jdk.internal.vm.ci java.desktop java.management jdk.management jdk.jfr jdk.internal.jvmstat \
    jdk.unsupported java.instrument jdk.zipfs java.xml java.logging java.net.http jdk.net java.naming jdk.crypto.cryptoki \
    java.security.jgss jdk.security.auth; do
  "$jdk/bin/java" --describe-module "$module" | awk '/^contains /{print $2} /^qualified exports /{print $3}' | sort -u \
    | while read -r package; do echo "--add-exports=$module/$package=$targets"; done >> "$work/exports.args"
done

# The GraalVM driver hands the builder every META-INF/native-image/<group>/<artifact> directory of
# the class path (reflect-, jni-, resource-config.json, ...); the builder alone reads none of them.
config_roots=()
while read -r config_root; do config_roots+=("-H:ConfigurationResourceRoots=$config_root"); done < <(
  "$jdk/bin/jar" tf target/repo-vitals.jar | grep -E '^META-INF/native-image/.+\.json$' | sed 's#/[^/]*$##' | sort -u)

echo "== native-image (svm $(basename "$svm_jar" .jar | sed 's/^svm-//')) on $("$jdk/bin/java" -version 2>&1 | sed -n 2p)"
image="$work/image"
rm -rf "$image" "$work/tmp" && mkdir -p "$image" "$work/tmp"
# -march compatibility: the image runs on any x86-64 (liblibchelper.a reports only the CPU
# features gcc can test). --enable-native-access: the image's modules keep the builder JVM's
# native-access grants, and the isolate's start-up loads libjava from the builder's module; without
# the grant, System.loadLibrary("java") first looks up the caller's code source through
# java.io.File natives, before UnixFileSystem.initIDs has run, and the isolate does not start.
# The options below stand for native-image.properties' Args, which only
# the GraalVM driver reads. Build-time -D properties are not carried into the image.
JVMCI_VERSION_CHECK=ignore "$home/bin/java" "-Xmx${NATIVE_XMX:-6g}" \
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler \
  --enable-native-access=org.graalvm.nativeimage.builder,java.desktop,ALL-UNNAMED \
  --upgrade-module-path "$compiler_jar" --module-path "$module_path" --add-modules ALL-DEFAULT @"$work/exports.args" \
  -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
  -Djdk.internal.lambda.disableEagerInitialization=true -Dcom.oracle.graalvm.isaot=true \
  -Dorg.graalvm.nativeimage.imagecode=buildtime -Djava.awt.headless=true \
  --module org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
  -imagecp "$root/target/repo-vitals.jar" -H:Path="$image" -H:Name=repo-vitals -H:Class=io.repovitals.Main \
  -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" -H:NumberOfThreads="${NATIVE_PARALLELISM:-2}" \
  -H:CLibraryPath="$clib" -H:TempDirectory="$work/tmp" -H:MicroArchitecture=compatibility \
  -H:Optimize="${NATIVE_OPTIMIZE:-b}" -H:EnableURLProtocols=http,https -H:+ReportExceptionStackTraces \
  "-H:NativeLinkerOption=-L$clib" "-H:NativeLinkerOption=-ljvm" "-H:NativeLinkerOption=-Wl,-rpath-link,$clib" \
  "-H:NativeLinkerOption=-Wl,-rpath,\$ORIGIN" \
  -H:+UnlockExperimentalVMOptions "${config_roots[@]}" -H:-UnlockExperimentalVMOptions \
  2>&1 | tee "$work/build.log"
[ "${PIPESTATUS[0]}" -eq 0 ] && [ -x "$image/repo-vitals" ] || { echo "error: native-image failed (log: $work/build.log)" >&2; exit 1; }

echo "== target/repo-vitals and its shared libraries"
rm -f target/repo-vitals target/*.so
cp "$image/repo-vitals" target/
cp "$image"/*.so target/ 2>/dev/null || true
# The builder writes stand-ins for libjava.so and libjvm.so that forward to the executable, as if it
# had linked static JDK libraries; here the executable imports from Temurin's libjava.so, so that
# one and our libjvm.so shim replace them. libjli.so: libinstrument.so, which the builder copies, needs it.
for lib in "${jdk_libs[@]}" freetype jli; do
  if [ ! -e "target/lib$lib.so" ] || [ "$lib" = java ]; then cp "$home/lib/lib$lib.so" target/; fi
done
cp "$clib/libjvm.so" target/libjvm.so
missing="$(ldd target/repo-vitals target/*.so | grep 'not found' | sort -u || true)"
if [ -n "$missing" ]; then echo "error: shared libraries not found: $missing" >&2; exit 1; fi
echo "   $(du -h target/repo-vitals | cut -f1) binary, $(du -ch target/*.so | tail -1 | cut -f1) of shared libraries;" \
     "built in $(( $(date +%s) - started )) s"
# A binary that does not start is no build: say so (README "Native executable" has the state).
if ! version="$(target/repo-vitals --version 2>"$work/start.err")"; then
  echo "error: target/repo-vitals was built but does not start: $(grep -m1 -E 'Exception|Error|error' "$work/start.err" || head -1 "$work/start.err")" >&2
  exit 1
fi
echo "   target/repo-vitals --version: $version"
