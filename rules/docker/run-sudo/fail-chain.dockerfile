FROM debian:12
# expect
RUN echo start && \
    sudo -u root chown app /srv
