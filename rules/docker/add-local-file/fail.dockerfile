FROM eclipse-temurin:21-jre
ARG JAR_FILE=target/app.jar
# expect
ADD ${JAR_FILE} app.jar
