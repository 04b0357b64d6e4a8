# syntax=docker/dockerfile:1
# mobim: one image for every role. MOBIM_ROLES (default: every role) picks what a container runs.
#
#   docker build -t mobim:0.1.0 .
#
# Run with no configuration, the image is the all-in-one runtime (embedded PostgreSQL, Kafka broker and SMS-C
# simulator, state under /app/data). In production (helm/mobim) it runs against an external PostgreSQL and Kafka:
# SPRING_DATASOURCE_URL, SPRING_KAFKA_BOOTSTRAP_SERVERS and MOBIM_EMBEDDED_ENABLED=false.
#
# The image carries the JVM start-up cache that ./mobim uses (an AOT cache, JDK 25): recorded by one training start
# in the image itself, with the very JVM and jars it ships, so a container starts as fast as ./mobim does.

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
# The jar is built once, here. Tests are not run: they start the embedded services and belong to CI (.ci/run).
# The start-up cache is not recorded here either: it is only valid for the JVM that records it, the runtime
# image's below. The Maven cache mount keeps downloaded dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests -Dmobim.startup-cache.skip=true -pl platform-app -am package \
    && java -Djarmode=tools -jar platform-app/target/mobim.jar extract --destination /app

FROM ${JRE_IMAGE}
ARG MOBIM_UID=10001
RUN groupadd --system --gid "${MOBIM_UID}" mobim \
    && useradd --system --uid "${MOBIM_UID}" --gid mobim --home-dir /app --no-create-home --shell /usr/sbin/nologin mobim \
    && mkdir -p /app/data /app/cache \
    && chown mobim:mobim /app/data /app/cache
WORKDIR /app
# The unpacked jar (mobim.jar and lib/), as ./mobim runs it: the nested-jar class loader of the fat jar is slow.
# Owned by root: the application cannot change its own code.
COPY --from=build /app/ /app/
# The heap follows the container's memory limit; an OutOfMemoryError ends the JVM so that Kubernetes restarts it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# A container's loopback is its own: the all-in-one (which otherwise listens on 127.0.0.1) listens on every interface
# of the container, reached only through the ports you publish. A deployment listens there anyway.
ENV SERVER_ADDRESS=0.0.0.0
# A numeric user, so that Kubernetes' runAsNonRoot can check it.
USER ${MOBIM_UID}:${MOBIM_UID}
# The training start of ./mobim prepare: a full all-in-one start on throw-away embedded services in a scratch
# directory, ended once the context is refreshed; the JVM writes the AOT cache as it exits. It runs as the image's
# user with the image's JVM, flags and jars, which the cache is only valid for. The embedded PostgreSQL outlives
# the training JVM: it is stopped (fast shutdown; it removes its pid file when done) before the scratch goes.
RUN set -e; scratch=/app/cache/training; mkdir "$scratch"; cd "$scratch"; \
    java -XX:AOTCacheOutput=/app/cache/mobim.aot -XX:+UseG1GC -Xlog:aot*=error -Xlog:cds*=error \
        -Dspring.context.exit=onRefresh -Djava.io.tmpdir="$scratch" -jar /app/mobim.jar \
        --mobim.embedded.ephemeral=true --server.port=0 --mobim.smpp.simulator.port=0 --logging.level.root=WARN; \
    test -s /app/cache/mobim.aot; \
    for pidfile in "$scratch"/mobim-*/postgres/postmaster.pid; do \
        [ -f "$pidfile" ] || continue; \
        kill -INT "$(head -1 "$pidfile")" 2>/dev/null || true; \
        for i in $(seq 300); do [ -f "$pidfile" ] || break; sleep 0.1; done; \
    done; \
    cd /; rm -rf "$scratch"
# 8080: HTTP (APIs, the Wireless Village endpoint /wv/csp, /actuator). 3717: the standing TCP connections of Wireless
# Village clients woken by CIR (mobim.wv.cir.tcp-port, the im role). 2775: the SMS-C simulator of the all-in-one
# runtime (127.0.0.1 only unless mobim.smpp.simulator.host says otherwise); production SMPP binds are outgoing.
EXPOSE 8080 3717 2775
# The root filesystem may be read-only: the JVM reads the cache and writes only to /tmp (an emptyDir or tmpfs);
# the all-in-one keeps its state in /app/data (a volume). The collector is the training's whatever the container's
# size (the JVM would pick another under 2 CPUs or 1792 MB): the cache's heap objects are used as recorded. exec
# form: the JVM is PID 1 and gets SIGTERM itself.
ENTRYPOINT ["java", "-XX:AOTCache=/app/cache/mobim.aot", "-XX:+UseG1GC", "-Xlog:aot*=error", "-Xlog:cds*=error", "-jar", "/app/mobim.jar"]
