# expect
FROM ubuntu
RUN echo hi
