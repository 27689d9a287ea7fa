# Multi-stage build of the portal image; docker-compose.yml runs it beside PostgreSQL 17.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# curl for the health check (the base image does not promise one)
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app portal && mkdir -p /app/data && chown portal /app/data
WORKDIR /app
COPY --from=build /src/target/fazhi-portal-*.jar /app/portal.jar
USER portal
# /app/data: the embedded database and its daily dumps when the image runs without a server of its
# own (mount a volume there: docker run -v portal-data:/app/data ...)
EXPOSE 8080
# A health check that fails marks the container unhealthy; what restarts it is its exit, so an
# OutOfMemoryError ends the JVM (-XX:+ExitOnOutOfMemoryError) rather than leaving a portal that
# answers nothing, and the restart policy (compose: unless-stopped) starts it again. The heap is
# three quarters of the container's memory limit. More options: JAVA_TOOL_OPTIONS.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/portal.jar"]
