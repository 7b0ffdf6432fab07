#!/usr/bin/env bash
# Make a small certificate authority and one certificate per machine, for rendering on a Dask
# cluster over TLS (render.py --scheduler tls://HOST:PORT).
#
#   scripts/make-certs.sh DIR NAME [NAME ...]
#
# writes DIR/ca.pem and DIR/ca.key (the authority: keep ca.key off the cluster) and, for each
# NAME (a host name or an IP address: the scheduler, each worker, each machine that runs
# render.py), DIR/NAME.pem and DIR/NAME.key. Copy ca.pem, NAME.pem and NAME.key to machine NAME.
# Only machines holding a certificate signed by this authority can join or submit work.
# Running it again keeps an existing authority and adds certificates for new names.
set -euo pipefail

if (($# < 2)); then
    echo "usage: scripts/make-certs.sh DIR NAME [NAME ...]" >&2
    exit 2
fi
command -v openssl >/dev/null || { echo "make-certs.sh: openssl not found; install the Debian package openssl" >&2; exit 2; }
dir="$1"; shift
mkdir -p "$dir"
umask 077

if [[ ! -f "$dir/ca.pem" || ! -f "$dir/ca.key" ]]; then
    openssl req -x509 -new -newkey rsa:3072 -nodes -days 825 -sha256 \
        -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/CN=lecture-render CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        2>/dev/null
    echo "made $dir/ca.pem (the authority; keep $dir/ca.key safe)"
fi

for name in "$@"; do
    if [[ "$name" =~ ^[0-9.]+$ || "$name" == *:* ]]; then
        san="IP:$name"
    else
        san="DNS:$name"
    fi
    openssl req -new -newkey rsa:3072 -nodes -sha256 -keyout "$dir/$name.key" \
        -out "$dir/$name.csr" -subj "/CN=$name" 2>/dev/null
    openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
        -CAcreateserial -days 825 -sha256 -out "$dir/$name.pem" \
        -extfile <(printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n' "$san") \
        2>/dev/null
    rm -f "$dir/$name.csr"
    echo "made $dir/$name.pem and $dir/$name.key"
done
