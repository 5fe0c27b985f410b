# syntax=docker/dockerfile:1
# repo-vitals container action. The default target is the JVM image (the last stage);
# `docker build --target native .` builds the optional GraalVM native image instead.
# BuildKit (Docker's default builder, used by GitHub's runners) builds only the stages a target
# needs, so the default build never touches the native stages.
#
# Every stage of the default image starts from debian:bookworm-slim and takes its JDK from Debian,
# so one base image is all its build needs (scripts/container-check.sh makes it locally where no
# registry is reachable). Only the optional native target also needs eclipse-temurin (JDK 25).

# --- build: the shaded jar, with dependencies in their own layer so source edits reuse them ----
FROM debian:bookworm-slim AS build
# binutils: jlink --strip-debug runs objcopy. ca-certificates-java: the JDK's trust store, built
# from the system's certificates (including any the base image adds, e.g. a corporate CA). The JDK's
# package links its manual pages, whose folder slim images leave out.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless binutils ca-certificates ca-certificates-java \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The wrapper pins Maven 3.9.16; without curl or wget it downloads with its own Java downloader.
COPY pom.xml mvnw ./
COPY .mvn .mvn
# Not dependency:go-offline: it also collects github-api's provided dependencies from
# repo.jenkins-ci.org, which the real build never needs.
RUN ./mvnw -B -q -ntp dependency:resolve dependency:resolve-plugins
# Everything the jar is built from: the sources with their resources, and the report templates
# (pom.xml packages templates/ into the jar). Tests are not run here: CI runs them.
COPY src/main src/main
COPY templates templates
RUN ./mvnw -B -q -ntp -Dmaven.test.skip=true package \
 && test -s target/repo-vitals.jar

# --- jre: a runtime trimmed to the modules the jar uses ---------------------------------------
FROM build AS jre
# jdeps cannot see modules reached through services or reflection: EC curves for TLS, zip file
# systems, JNDI (DNS) and sun.misc.Unsafe. --generate-cds-archive keeps the JDK's base CDS archive,
# which the application archive below is layered on: without it JDK 17 refuses to start with
# -XX:ArchiveClassesAtExit.
RUN modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/repo-vitals.jar)" \
 && jlink --add-modules "${modules},jdk.crypto.ec,jdk.zipfs,java.naming,jdk.unsupported" \
          --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
          --output /opt/repo-vitals/jre \
 && cp /etc/ssl/certs/java/cacerts /opt/repo-vitals/jre/lib/security/cacerts

# --- base: what both final images need at run time --------------------------------------------
FROM debian:bookworm-slim AS base
# Charts are drawn headless with AWT: fontconfig and a font, and the libraries Debian's JDK links
# instead of bundling them (HarfBuzz, FreeType, LittleCMS, libjpeg).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core ca-certificates \
        libharfbuzz0b libfreetype6 liblcms2-2 libjpeg62-turbo \
 && rm -rf /var/lib/apt/lists/*
# JDK 17 takes its default charset from the locale; the image's POSIX locale would make it ASCII.
ENV LANG=C.UTF-8

# --- native-build: optional GraalVM executable, built as scripts/native-build.sh builds it ------
# No GraalVM distribution: the native-image builder is Maven Central's svm jars run on Temurin 25
# (which has the jdk.internal.vm.ci module); the jar is the build stage's Java 17 jar. gcc and
# zlib link the executable. The tag is the JDK the script was proven on (README "Native executable").
FROM eclipse-temurin:25.0.3_9-jdk AS native-build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev zlib1g-dev binutils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Reuse the Maven distribution and the dependencies the build stage downloaded.
COPY --from=build /root/.m2 /root/.m2
COPY pom.xml mvnw ./
COPY .mvn .mvn
COPY scripts/native-build.sh scripts/native-build.sh
COPY scripts/native scripts/native
COPY --from=build /src/target/repo-vitals.jar target/repo-vitals.jar
# AWT in a native image comes with shared libraries (libawt etc.) that must sit beside the binary.
RUN SKIP_JAR=1 NATIVE_JAVA_HOME=/opt/java/openjdk bash scripts/native-build.sh \
 && mkdir /out && cp target/repo-vitals target/*.so /out/

# --- native: `docker build --target native .`; no USER, no WORKDIR (GitHub's rule) ------------
FROM base AS native
COPY --from=native-build /out/ /opt/repo-vitals/
ENTRYPOINT ["/opt/repo-vitals/repo-vitals", "-Djava.awt.headless=true"]

# --- jvm (default): trimmed runtime, the jar and a class-data-sharing archive ------------------
# No USER and no WORKDIR: GitHub runs container actions as root in a working directory it mounts.
FROM base AS jvm
COPY --from=jre /opt/repo-vitals/jre /opt/repo-vitals/jre
COPY --from=build /src/target/repo-vitals.jar /opt/repo-vitals/repo-vitals.jar
# A library the runtime needs but the image lacks would only show when a chart is drawn: fail here,
# naming it. Left out: what a headless JVM never loads (X11 windows and their AWT bridge, sound, the splash screen).
RUN cd /opt/repo-vitals/jre/lib \
 && missing="$(ls *.so server/*.so | grep -v -E '^lib(awt_xawt|jawt|jsound|splashscreen)\.so$' \
        | LD_LIBRARY_PATH=.:server xargs ldd | grep 'not found' | sort -u)"; \
    if [ -n "$missing" ]; then echo "error: the runtime needs shared libraries the image lacks: $missing" >&2; exit 1; fi
# The class-data-sharing archive: each run writes a whole archive, so only one training run counts,
# the offline demo, which loads most of the pipeline's classes (charts included: fewer than 3 PNGs
# means fonts or AWT are broken). Same flags as the entrypoint, so the archive matches.
RUN /opt/repo-vitals/jre/bin/java -XX:ArchiveClassesAtExit=/opt/repo-vitals/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
        -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true \
        -jar /opt/repo-vitals/repo-vitals.jar demo --output-dir /tmp/cds-training \
 && charts="$(find /tmp/cds-training/charts -name '*.png' | wc -l)" \
 && if [ "$charts" -lt 3 ]; then echo "error: the demo drew $charts PNG charts, expected at least 3: fonts or AWT libraries are missing from the image" >&2; exit 1; fi \
 && rm -rf /tmp/cds-training \
 && test -s /opt/repo-vitals/app.jsa
ENTRYPOINT ["/opt/repo-vitals/jre/bin/java", "-XX:SharedArchiveFile=/opt/repo-vitals/app.jsa", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-jar", "/opt/repo-vitals/repo-vitals.jar"]
