#!/usr/bin/env bash
# Writes the native build's reachability metadata (src/main/resources/META-INF/native-image/
# io.repovitals/repo-vitals/: jni-, reflect-, resource- and proxy-config.json) from what the jar
# does on the JDK the image is built from, traced by scripts/native/traceagent.c (a JVMTI agent
# standing for GraalVM's native-image-agent, which no registry here serves). The traced runs are
# those bench/native.sh compares with the executable (bench NativeParityCheck: --version, demo,
# collect against the fake GitHub), plus the demo's organisation report and `export`.
# The traced runs' JNI lookups, reflection, proxies and resources are kept as recorded, less what
# the JVM does for itself (see MACHINERY below); nothing in these files is written by hand.
# Rerun after a change that reflects, loads a resource or draws differently; NativeMetadataTest
# fails when a record, command or resource of ours is missing from the files.
# Usage: bash scripts/native/trace-metadata.sh   (NATIVE_JAVA_HOME as scripts/native-build.sh; SKIP_JAR=1
#        reuses target/repo-vitals.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
jdk="${NATIVE_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
config=src/main/resources/META-INF/native-image/io.repovitals/repo-vitals
[ -x "$jdk/bin/java" ] || { echo "error: NATIVE_JAVA_HOME=$jdk has no bin/java (a JDK 25: Temurin 25)" >&2; exit 1; }
if [ "${SKIP_JAR:-0}" != 1 ] || [ ! -s target/repo-vitals.jar ]; then
  ./mvnw -B -ntp -q -Dmaven.test.skip=true package
fi
work="$(mktemp -d /tmp/native-trace.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
gcc -O2 -Wall -fPIC -shared -I"$jdk/include" -I"$jdk/include/linux" scripts/native/traceagent.c -o "$work/libtraceagent.so"
# The jar under the agent, in the executable's place: what the parity check runs, it traces. bash,
# not sh: dash drops the INPUT_* variables whose names have dashes, as the runner sets them. An empty
# user.home: AWT asks fontconfig through JNI only when no font cache (~/.java/fonts) exists yet.
cat > "$work/traced-jar" <<EOF
#!/bin/bash
exec "$jdk/bin/java" -agentpath:"$work/libtraceagent.so=$work/trace.txt" -Duser.home="$work/home" -Djava.awt.headless=true -jar "$root/target/repo-vitals.jar" "\$@"
EOF
chmod +x "$work/traced-jar"
echo "== traced: NativeParityCheck (--version, demo, collect against the fake GitHub)"
./mvnw -B -ntp -q test -Dtest=NativeParityCheck -Dsurefire.failIfNoSpecifiedTests=false \
  -Drepovitals.native="$work/traced-jar" -Drepovitals.jar="$root/target/repo-vitals.jar"
echo "== traced: demo with its export"
(cd "$work" && ./traced-jar demo --output-dir "$work/demo" >/dev/null)
[ -s "$work/trace.txt" ] || { echo "error: the agent recorded nothing ($work/trace.txt)" >&2; exit 1; }
echo "   $(wc -l < "$work/trace.txt") accesses recorded"

python3 - "$work/trace.txt" "$config" <<'PY'
import json, re, sys
trace, config = sys.argv[1], sys.argv[2]
PRIMITIVES = {"Z": "boolean", "B": "byte", "C": "char", "S": "short", "I": "int", "J": "long", "F": "float", "D": "double", "V": "void"}

def java_name(descriptor, i=0):
    """A JVM descriptor at i as the Java name the config files use, and the index after it."""
    dims = 0
    while descriptor[i] == "[":
        dims += 1; i += 1
    if descriptor[i] == "L":
        end = descriptor.index(";", i)
        name, i = descriptor[i + 1:end].replace("/", "."), end + 1
    else:
        name, i = PRIMITIVES[descriptor[i]], i + 1
    return name + "[]" * dims, i

def descriptor_list(text):
    if text == "()": return []
    return [java_name(d)[0] for d in text.split(",")]

def method_parameters(signature):
    i, types = 1, []
    while signature[i] != ")":
        name, i = java_name(signature, i); types.append(name)
    return types

# Callers whose reflection is the JVM's own machinery, which the image builder provides by itself:
# annotation proxies, generic signatures, method handles and lambdas, proxy generation, the
# service loader (the builder registers META-INF/services), and the delegation inside Class and
# ClassLoader (the outer call is recorded with its own caller).
MACHINERY = re.compile(r"^L(sun/reflect/|sun/invoke/|java/lang/invoke/|java/lang/reflect/|jdk/internal/reflect/|jdk/proxy\d+/|"
                       r"java/util/ServiceLoader|java/lang/Class;|java/lang/ClassLoader;|java/lang/Module;|jdk/internal/loader/)")
# Classes that exist only in the running JVM: lambdas, hidden classes, dynamic proxies.
DYNAMIC = re.compile(r"\$\$Lambda|/0x|\.0x|^jdk\.proxy\d+\.|\$Proxy\d+|^jdk\.internal\.reflect\.Generated")

jni, reflect, resources, proxies = {}, {}, set(), set()
for line in open(trace, encoding="utf-8"):
    parts = line.rstrip("\n").split(" ")
    kind = parts[0]
    if kind.startswith("jni-"):
        name = java_name(parts[1])[0]
        if DYNAMIC.search(name): continue
        entry = jni.setdefault(name, {"fields": set(), "methods": set()})
        if kind == "jni-field": entry["fields"].add(parts[2])
        elif kind == "jni-method": entry["methods"].add((parts[2], tuple(method_parameters(parts[3]))))
        continue
    caller = parts[-1]
    if MACHINERY.match(caller): continue
    if kind == "resource":
        resources.add(parts[1])
    elif kind == "proxy":
        proxies.add(tuple(descriptor_list(parts[1])))
    else:
        name = parts[1] if kind == "reflect" and parts[2] == "class" else java_name(parts[1])[0]
        if name.startswith("[") or DYNAMIC.search(name): continue
        entry = reflect.setdefault(name, {"flags": set(), "fields": set(), "methods": set()})
        if kind == "reflect" and parts[2] != "class": entry["flags"].add(parts[2])
        elif kind == "reflect-field": entry["fields"].add(parts[2])
        elif kind == "reflect-method": entry["methods"].add((parts[2], tuple(descriptor_list(parts[3]))))

def members(entry):
    item = {}
    for flag in sorted(entry.get("flags", ())): item[flag] = True
    if entry["fields"]: item["fields"] = [{"name": f} for f in sorted(entry["fields"])]
    if entry["methods"]: item["methods"] = [{"name": n, "parameterTypes": list(p)} for n, p in sorted(entry["methods"])]
    return item

def write(name, text):
    with open(f"{config}/{name}", "w", encoding="utf-8") as f: f.write(text)

header = lambda items: "[\n" + ",\n".join("  " + json.dumps(item) for item in items) + "\n]\n"
write("jni-config.json", header([{"name": n, **members(jni[n])} for n in sorted(jni)]))
write("reflect-config.json", header([{"name": n, **members(reflect[n])} for n in sorted(reflect)]))
if proxies: write("proxy-config.json", header([{"interfaces": list(p)} for p in sorted(proxies)]))
write("resource-config.json", json.dumps({"resources": {"includes": [{"pattern": "\\Q" + r + "\\E"} for r in sorted(resources)]}}, indent=2) + "\n")
print(f"   {config}: jni {len(jni)} classes, reflection {len(reflect)} classes, {len(proxies)} proxies, {len(resources)} resources")
PY
