# syntax=docker/dockerfile:1
# repo-vitals container action. The default target is the JVM image (the last stage);
# `docker build --target native .` builds the optional GraalVM native image instead.
# BuildKit (Docker's default builder, used by GitHub's runners) builds only the stages a target
# needs, so the default build never touches the native stages.

# --- build: the shaded jar, with dependencies in their own layer so source edits reuse them ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# The wrapper pins Maven 3.9.16; without curl or wget it downloads with its own Java downloader.
COPY pom.xml mvnw ./
COPY .mvn .mvn
# Not dependency:go-offline: it also collects github-api's provided dependencies from
# repo.jenkins-ci.org, which the real build never needs.
RUN ./mvnw -B -q dependency:resolve dependency:resolve-plugins
COPY src src
RUN ./mvnw -B -q -DskipTests package

# --- jre: a runtime trimmed to the modules the jar uses ---------------------------------------
FROM build AS jre
# jdeps cannot see modules reached through services or reflection: EC curves for TLS, zip file
# systems, JNDI (DNS) and sun.misc.Unsafe. --generate-cds-archive keeps the JDK's base CDS archive,
# which the application archive below is layered on: without it JDK 17 refuses to start with
# -XX:ArchiveClassesAtExit.
RUN modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/repo-vitals.jar)" \
 && jlink --add-modules "${modules},jdk.crypto.ec,jdk.zipfs,java.naming,jdk.unsupported" \
          --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
          --output /opt/repo-vitals/jre

# --- base: what both final images need at run time --------------------------------------------
FROM debian:bookworm-slim AS base
# Charts are drawn headless with AWT, which needs fontconfig and at least one font.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# JDK 17 takes its default charset from the locale; the image's POSIX locale would make it ASCII.
ENV LANG=C.UTF-8

# --- native-build: optional GraalVM executable (charts are the risky part, see stack.md) -------
FROM ghcr.io/graalvm/native-image-community:21 AS native-build
WORKDIR /src
# Reuse the Maven distribution and the dependencies the build stage downloaded.
COPY --from=build /root/.m2 /root/.m2
COPY pom.xml mvnw ./
COPY .mvn .mvn
COPY src src
# AWT in a native image comes with shared libraries (libawt etc.) that must sit beside the binary.
RUN ./mvnw -B -q -Pnative -DskipTests package \
 && mkdir /out && cp target/repo-vitals /out/ && (cp target/*.so /out/ 2>/dev/null || true)

# --- native: `docker build --target native .`; no USER, no WORKDIR (GitHub's rule) ------------
FROM base AS native
COPY --from=native-build /out/ /opt/repo-vitals/
ENTRYPOINT ["/opt/repo-vitals/repo-vitals", "-Djava.awt.headless=true"]

# --- jvm (default): trimmed runtime, the jar and a class-data-sharing archive ------------------
# No USER and no WORKDIR: GitHub runs container actions as root in a working directory it mounts.
FROM base AS jvm
COPY --from=jre /opt/repo-vitals/jre /opt/repo-vitals/jre
COPY --from=build /src/target/repo-vitals.jar /opt/repo-vitals/repo-vitals.jar
# Each run writes a whole archive, so only one training run counts: the offline demo, which
# loads most of the pipeline's classes. Same flags as the entrypoint, so the archive matches.
# Measured on the jar (2 cores, JDK 17): demo 0.72 s without the archive, 0.43 s with it.
RUN /opt/repo-vitals/jre/bin/java -XX:ArchiveClassesAtExit=/opt/repo-vitals/app.jsa \
        -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true \
        -jar /opt/repo-vitals/repo-vitals.jar demo --output-dir /tmp/cds-training \
 && rm -rf /tmp/cds-training \
 && test -s /opt/repo-vitals/app.jsa
ENTRYPOINT ["/opt/repo-vitals/jre/bin/java", "-XX:SharedArchiveFile=/opt/repo-vitals/app.jsa", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-jar", "/opt/repo-vitals/repo-vitals.jar"]
