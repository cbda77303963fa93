FROM debian:12
RUN chmod 755 /entrypoint.sh && chmod 1777 /scratch && chmod u+w,go-w /etc/app.conf
RUN echo 777
