# One image recipe for every runnable module, built from the repository root:
#   docker build -f docker/java-app.Dockerfile --build-arg MODULE=services/office .
# docker-compose.yml uses it for setup-pubsub, google-sim, graph-sim, the five services and the
# legacy bridge.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN mvn -B -q -pl "${MODULE}" -am package -DskipTests -Dspotless.check.skip=true \
 && jar=$(ls "${MODULE}"/target/*-exec.jar "${MODULE}"/target/bin/*.jar 2>/dev/null | head -n 1) \
 && cp "$jar" /app.jar

FROM eclipse-temurin:17-jre
# As ./dev up: fewer glibc malloc arenas, less fragmented native memory per JVM.
ENV MALLOC_ARENA_MAX=2
COPY --from=build /app.jar /app/app.jar
# As ./dev up: native memory freed after a burst goes back to the OS every 5 s.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:TrimNativeHeapInterval=5000", "-jar", "/app/app.jar"]
