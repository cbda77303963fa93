FROM rockylinux:9
# expect
RUN yum install -y httpd-2.4.57
