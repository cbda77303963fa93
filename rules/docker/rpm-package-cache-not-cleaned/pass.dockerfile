FROM rockylinux:9
RUN yum install -y httpd && yum clean all
RUN dnf -y install nginx && dnf clean all && rm -rf /var/cache/dnf
RUN zypper -n in curl && zypper clean
RUN microdnf install -y jq && rm -rf /var/cache/dnf
