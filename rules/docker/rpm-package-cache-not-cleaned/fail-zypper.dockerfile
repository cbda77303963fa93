FROM opensuse/leap:15.5
# expect
RUN zypper --non-interactive install curl
