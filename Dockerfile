# syntax=docker/dockerfile:1
# mobim: one image for every role. MOBIM_ROLES (default im,smpp,billing,clearing) picks what a container runs.
#
#   docker build -t mobim:0.1.0 .
#
# Run with no configuration, the image is the all-in-one runtime (embedded PostgreSQL, Kafka broker and SMS-C
# simulator, state under /app/data). In production (helm/mobim) it runs against an external PostgreSQL and Kafka:
# SPRING_DATASOURCE_URL, SPRING_KAFKA_BOOTSTRAP_SERVERS and MOBIM_EMBEDDED_ENABLED=false.

ARG JDK_IMAGE=eclipse-temurin:21-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:21-jre-noble

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
# Tests are not run here: they start the embedded services and belong to CI (.ci/run). The Maven cache mount keeps
# downloaded dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests -pl platform-app -am package \
    && cp platform-app/target/mobim.jar /mobim.jar

FROM ${JRE_IMAGE}
ARG MOBIM_UID=10001
RUN groupadd --system --gid "${MOBIM_UID}" mobim \
    && useradd --system --uid "${MOBIM_UID}" --gid mobim --home-dir /app --no-create-home --shell /usr/sbin/nologin mobim \
    && mkdir -p /app/data \
    && chown mobim:mobim /app/data
WORKDIR /app
COPY --from=build /mobim.jar /app/mobim.jar
# The heap follows the container's memory limit; an OutOfMemoryError ends the JVM so that Kubernetes restarts it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# A container's loopback is its own: the all-in-one (which otherwise listens on 127.0.0.1) listens on every interface
# of the container, reached only through the ports you publish. A deployment listens there anyway.
ENV SERVER_ADDRESS=0.0.0.0
# A numeric user, so that Kubernetes' runAsNonRoot can check it.
USER ${MOBIM_UID}:${MOBIM_UID}
# 8080: HTTP (Wireless Village endpoint, APIs, /actuator). 2775: the SMS-C simulator of the all-in-one runtime
# (127.0.0.1 only unless mobim.smpp.simulator.host says otherwise); production SMPP binds are outgoing.
EXPOSE 8080 2775
ENTRYPOINT ["java", "-jar", "/app/mobim.jar"]
