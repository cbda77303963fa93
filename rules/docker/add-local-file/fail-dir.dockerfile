FROM nginx:1.27
# expect
ADD --chown=nginx:nginx site/ /usr/share/nginx/html/
