#!/usr/bin/env bash
# Writes the jni-config.json of the native build: the classes, fields and methods that native code
# (AWT's Java2D loops and fonts, for the charts) looks up through JNI while the jar runs `demo` on
# the JDK the image is built from. scripts/native/jnitrace.c records the lookups; GraalVM's tracing
# agent would do this, but no registry here serves it. Rerun after changing how charts are drawn.
# Usage: bash scripts/native/trace-jni.sh   (needs target/repo-vitals.jar; NATIVE_JAVA_HOME as native-build.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
jdk="${NATIVE_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
config=src/main/resources/META-INF/native-image/io.repovitals/repo-vitals/jni-config.json
[ -s target/repo-vitals.jar ] || { echo "error: target/repo-vitals.jar is missing: run ./mvnw package first" >&2; exit 1; }
work="$(mktemp -d /tmp/jni-trace.XXXXXX)"
trap 'rm -rf "$work"' EXIT
gcc -O2 -fPIC -shared -I"$jdk/include" -I"$jdk/include/linux" scripts/native/jnitrace.c -o "$work/libjnitrace.so"
(cd "$work" && "$jdk/bin/java" -agentpath:"$work/libjnitrace.so=$work/trace.txt" -Djava.awt.headless=true \
  -jar "$OLDPWD/target/repo-vitals.jar" demo --output-dir "$work/demo" >/dev/null)
python3 - "$work/trace.txt" "$config" <<'PY'
import json, sys
# JNI type descriptors to the Java names jni-config.json uses.
PRIMITIVES = {"Z": "boolean", "B": "byte", "C": "char", "S": "short", "I": "int", "J": "long", "F": "float", "D": "double", "V": "void"}
def java_name(descriptor, i=0):
    dims = 0
    while descriptor[i] == "[":
        dims += 1; i += 1
    if descriptor[i] == "L":
        end = descriptor.index(";", i)
        name, i = descriptor[i + 1:end].replace("/", "."), end + 1
    else:
        name, i = PRIMITIVES[descriptor[i]], i + 1
    return name + "[]" * dims, i
def parameters(signature):
    i, types = 1, []
    while signature[i] != ")":
        name, i = java_name(signature, i); types.append(name)
    return types
entries = {}
for line in open(sys.argv[1]):
    kind, descriptor, name, signature = line.split()
    if descriptor.startswith("L["): descriptor = descriptor[1:-1]  # FindClass of an array class
    type_name = java_name(descriptor)[0]
    entry = entries.setdefault(type_name, {"name": type_name, "fields": {}, "methods": {}})
    if kind == "field":
        entry["fields"][name] = {"name": name}
    elif kind == "method":
        entry["methods"][(name, signature)] = {"name": name, "parameterTypes": parameters(signature)}
out = []
for type_name in sorted(entries):
    entry = entries[type_name]
    item = {"name": type_name}
    if entry["fields"]: item["fields"] = [entry["fields"][k] for k in sorted(entry["fields"])]
    if entry["methods"]: item["methods"] = [entry["methods"][k] for k in sorted(entry["methods"])]
    out.append(item)
with open(sys.argv[2], "w") as f:
    f.write("[\n" + ",\n".join("  " + json.dumps(item) for item in out) + "\n]\n")
print(f"{sys.argv[2]}: {len(out)} classes")
PY
