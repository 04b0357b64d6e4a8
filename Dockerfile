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
# in a build stage on top of the runtime stage, with the very JVM and jars the image ships, so a container starts as
# fast as ./mobim does.

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
# The jar is built once, here. Tests are not run: they start the embedded services and belong to CI (.ci/run).
# The start-up cache is not recorded here either: it is only valid for the JVM that records it, the runtime
# stage's (see startup-cache below). The Maven cache mount keeps downloaded dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests -Dmobim.startup-cache.skip=true -pl platform-app -am package \
    && java -Djarmode=tools -jar platform-app/target/mobim.jar extract --destination /app

FROM ${JRE_IMAGE} AS runtime
ARG MOBIM_UID=10001
RUN groupadd --system --gid "${MOBIM_UID}" mobim \
    && useradd --system --uid "${MOBIM_UID}" --gid mobim --home-dir /app --no-create-home --shell /usr/sbin/nologin mobim \
    && mkdir -p /app/data \
    && chown mobim:mobim /app/data
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
# 8080: HTTP (APIs, the Wireless Village endpoint /wv/csp, /actuator). 3717: the standing TCP connections of Wireless
# Village clients woken by CIR (mobim.wv.cir.tcp-port, the im role). 2775: the SMS-C simulator of the all-in-one
# runtime (127.0.0.1 only unless mobim.smpp.simulator.host says otherwise); production SMPP binds are outgoing.
EXPOSE 8080 3717 2775

# The start-up cache is recorded on top of the runtime stage, so with the very JVM, jars, user and environment the
# image ships, which it is only valid for; only the cache itself goes into the image, nothing else the training
# leaves behind. The training start is ./mobim prepare's: a full all-in-one start on throw-away embedded services in
# a scratch directory, ended once the context is refreshed; the JVM writes the AOT cache as it exits. The embedded
# PostgreSQL outlives the training JVM: it is stopped (fast shutdown; it removes its pid file when done) before the
# scratch goes, even when the training failed. The heap is bounded: on a build machine with more than 42 GB of
# memory the JVM would give it more than 32 GB and no compressed object pointers, which makes the cache unusable
# in a pod that has them.
FROM runtime AS startup-cache
RUN scratch=/tmp/mobim-training; mkdir "$scratch" && cd "$scratch" || exit 1; \
    java -XX:AOTCacheOutput=/tmp/mobim.aot -XX:+UseG1GC -Xlog:aot*=error -Xlog:cds*=error -Xmx2g \
        -Dspring.context.exit=onRefresh -Djava.io.tmpdir="$scratch" -jar /app/mobim.jar \
        --mobim.embedded.ephemeral=true --server.port=0 --mobim.smpp.simulator.port=0 --logging.level.root=WARN; \
    status=$?; \
    for pidfile in "$scratch"/mobim-*/postgres/postmaster.pid; do \
        [ -f "$pidfile" ] || continue; \
        kill -INT "$(head -1 "$pidfile")" 2>/dev/null || true; \
        for i in $(seq 300); do [ -f "$pidfile" ] || break; sleep 0.1; done; \
    done; \
    cd / && rm -rf "$scratch"; \
    [ "$status" -eq 0 ] && test -s /tmp/mobim.aot

FROM runtime
# Owned by root, like the code it belongs to.
COPY --from=startup-cache --chown=0:0 /tmp/mobim.aot /app/cache/mobim.aot
# The root filesystem may be read-only: the JVM reads the cache and writes only to /tmp (an emptyDir or tmpfs);
# the all-in-one keeps its state in /app/data (a volume). The collector is the training's whatever the container's
# size (the JVM would pick another under 2 CPUs or 1792 MB): the cache's heap objects are mapped as recorded, not
# copied. A container with more than 42 GB of memory, whose heap gets no compressed object pointers, starts without
# the cache. exec form: the JVM is PID 1 and gets SIGTERM itself.
ENTRYPOINT ["java", "-XX:AOTCache=/app/cache/mobim.aot", "-XX:+UseG1GC", "-Xlog:aot*=error", "-Xlog:cds*=error", "-jar", "/app/mobim.jar"]
