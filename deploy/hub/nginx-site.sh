#!/usr/bin/env bash
# Write the nginx site that serves the class hub over HTTPS (from
# deploy/hub/nginx-site.conf.in) on stdout. docs/classroom.md, "HTTPS", has the
# steps with a certificate from Let's Encrypt (certbot).
#
#   deploy/hub/nginx-site.sh jupyter.school.example > /etc/nginx/sites-available/eif-hub
#
# The certificate: EIF_TLS_CERT and EIF_TLS_KEY, by default certbot's
# (/etc/letsencrypt/live/NAME/fullchain.pem and privkey.pem). While the
# certificate is not there, the site serves plain HTTP only: certbot's ACME
# challenge from EIF_ACME_ROOT (/var/www/letsencrypt) and, for every other
# page, 503 "HTTPS is being set up"; get the certificate, then run this again.
#
# Where the hub's proxy listens: EIF_HUB_IP and EIF_HUB_PORT (127.0.0.1, 8000),
# as for the hub. Where nginx listens: EIF_HTTPS_PORT (443) and EIF_HTTP_PORT
# (80), on EIF_LISTEN_IP (every address when empty).
set -euo pipefail

name=${1:-}
if [ -z "$name" ] || [ $# -ne 1 ]; then
	echo "usage: $0 SERVER_NAME > /etc/nginx/sites-available/eif-hub   (SERVER_NAME: the host name students open)" >&2
	exit 2
fi
if ! [[ $name =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
	echo "eif nginx-site: $name is not a host name (letters, digits, dots and hyphens)" >&2
	exit 2
fi
cert=${EIF_TLS_CERT:-/etc/letsencrypt/live/$name/fullchain.pem}
key=${EIF_TLS_KEY:-/etc/letsencrypt/live/$name/privkey.pem}
acme=${EIF_ACME_ROOT:-/var/www/letsencrypt}
hub=${EIF_HUB_IP:-127.0.0.1}:${EIF_HUB_PORT:-8000}
https_port=${EIF_HTTPS_PORT:-443}
http_port=${EIF_HTTP_PORT:-80}
listen_ip=${EIF_LISTEN_IP:-}
for v in "$cert" "$key" "$acme" "$hub" "$https_port" "$http_port" "$listen_ip"; do
	if [[ $v =~ [[:space:]\|\&\;\\\'\"] ]]; then
		echo "eif nginx-site: $v: no spaces, quotes or any of | & ; \\ in paths, ports and addresses" >&2
		exit 2
	fi
done
for p in "$https_port" "$http_port"; do
	[[ $p =~ ^[0-9]+$ ]] || { echo "eif nginx-site: port $p is not a number" >&2; exit 2; }
done

suffix=""
[ "$https_port" = 443 ] || suffix=":$https_port"
here=$(cd "$(dirname "$0")" && pwd)
if [ -r "$cert" ] && [ -r "$key" ]; then
	rest="        return 301 https://\$host$suffix\$request_uri;"
	drop_https=""
else
	echo "eif nginx-site: no certificate at $cert (or no key at $key) yet: plain HTTP only, for the ACME challenge." >&2
	echo "  Get it: certbot certonly --webroot -w $acme -d $name --deploy-hook 'systemctl reload nginx'; then run $0 again." >&2
	rest="        default_type text/plain;
        return 503 \"HTTPS is being set up: come back in a few minutes.\\n\";"
	drop_https='/^#@HTTPS_BEGIN@$/,/^#@HTTPS_END@$/d'
fi
sed -e "${drop_https:-}" \
	-e '/^#@HTTPS_\(BEGIN\|END\)@$/d' \
	-e "s|@SERVER_NAME@|$name|g" \
	-e "s|@HTTP_LISTEN@|${listen_ip:+$listen_ip:}$http_port|g" \
	-e "s|@HTTPS_LISTEN@|${listen_ip:+$listen_ip:}$https_port|g" \
	-e "s|@ACME_ROOT@|$acme|g" \
	-e "s|@CERT@|$cert|g" \
	-e "s|@KEY@|$key|g" \
	-e "s|@HUB@|$hub|g" \
	"$here/nginx-site.conf.in" | REST=$rest awk '$0 == "@HTTP_REST@" { print ENVIRON["REST"]; next } { print }'
