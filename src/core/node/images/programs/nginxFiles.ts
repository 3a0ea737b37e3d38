/** The files of the official nginx image (1.27, Debian bookworm) that behaviour depends on. */

/** NGINX_WELCOME_PAGE is /usr/share/nginx/html/index.html, 615 bytes. */
export const NGINX_WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** NGINX_50X_PAGE is /usr/share/nginx/html/50x.html. */
export const NGINX_50X_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/** NGINX_DEFAULT_CONF is the packaged /etc/nginx/conf.d/default.conf (before the IPv6 script edits it). */
export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

/**
 * nginxErrorPage is nginx's built-in error page (ngx_http_special_response.c), CRLF line ends
 * included: a 404 from nginx/1.27.3 is 153 bytes.
 */
export function nginxErrorPage(status: number, text: string, version: string): string {
  return (
    `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n` +
    `<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`
  );
}

/** NGINX_VERSIONS maps release lines to newest patch and the njs version the image pins. */
export const NGINX_NJS: Record<string, string> = { '1.27': '0.8.7', '1.26': '0.8.5', '1.25': '0.8.4' };
