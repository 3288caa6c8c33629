# Builds and runs premiumflow for docker-compose.yml. Build stage: the Maven wrapper, tests skipped
# (CI runs them); run stage: the Spring Boot jar on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY dmn dmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests -Dinvoker.skip

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system premiumflow
COPY --from=build /src/target/premiumflow-*.jar app.jar
USER premiumflow
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
