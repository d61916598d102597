#!/usr/bin/env bash
# Installs the GzAiEdge cloud on a Debian host as three systemd services (docs/operations.md):
#   gz-cloud.service      /opt/gzaiedge-cloud (the cloud's build output), settings in /etc/gzaiedge/cloud.env,
#                         HTTPS with /etc/gzaiedge/tls/cloud.{crt,key}, data in /var/lib/gzaiedge-cloud
#   gz-mosquitto.service  /etc/gzaiedge/mosquitto/gz.conf (gz provision's listener, identities and ACLs; gz-limits.conf),
#                         the site PKI in /etc/gzaiedge/pki, sessions in /var/lib/gzaiedge-mosquitto
#   gz-influxdb.service   /etc/gzaiedge/influxdb.conf (HTTP on loopback), data in /var/lib/gzaiedge-influxdb (the cloud
#                         creates its database, retention policies and continuous query at start: Retention__* in cloud.env)
# with a system user per service. --root DIR does all of it under DIR (an image being built, or a test) and enables
# the units without starting them. Debian's own mosquitto and influxdb units are left as they are (and disabled).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"

usage() {
  cat <<USAGE
usage: install.sh --publish DIR --pki DIR --certificate FILE --key FILE [--https-port N] [--influx-port N]
                  [--root DIR] [--no-start]
  --publish DIR       the cloud's build or publish output (holds GzAiEdge.Cloud and appsettings.json)
  --pki DIR           gz provision's --out folder: ca.crt, broker/, mosquitto/, cloud/*.env, command key, key registry
  --certificate FILE  the HTTPS certificate (PEM, full chain) for the dashboard and API
  --key FILE          its private key (PEM)
  --https-port N      the cloud's HTTPS port (default 443)
  --influx-port N     InfluxDB's HTTP port on loopback (default 8086; its RPC port is the next one)
  --root DIR          install under DIR instead of /, and enable without starting (image builds, tests)
  --no-start          enable the services but do not start them now
USAGE
}

die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }
step() { printf '  %s\n' "$*"; }

ROOT="" PUBLISH="" PKI="" CERT="" KEY="" HTTPS_PORT=443 INFLUX_PORT=8086 START=1 ARGS="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --publish) PUBLISH="${2:?--publish needs a folder}"; shift 2 ;;
    --pki) PKI="${2:?--pki needs a folder}"; shift 2 ;;
    --certificate) CERT="${2:?--certificate needs a file}"; shift 2 ;;
    --key) KEY="${2:?--key needs a file}"; shift 2 ;;
    --https-port) HTTPS_PORT="${2:?--https-port needs a number}"; shift 2 ;;
    --influx-port) INFLUX_PORT="${2:?--influx-port needs a number}"; shift 2 ;;
    --root) ROOT="$(realpath -m "${2:?--root needs a folder}")"; shift 2 ;;
    --no-start) START=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "must run as root: it creates system users and writes /opt, /etc and the systemd units (with --root, files owned by those users). Run: sudo $0 $ARGS"
[ -n "$PUBLISH" ] && [ -n "$PKI" ] && [ -n "$CERT" ] && [ -n "$KEY" ] || { usage >&2; die "--publish, --pki, --certificate and --key are needed"; }
[ -f "$PUBLISH/GzAiEdge.Cloud.dll" ] || die "$PUBLISH/GzAiEdge.Cloud.dll not found: --publish takes the cloud's build output"
for f in ca.crt broker/broker.crt broker/broker.key mosquitto/gz-secure.conf mosquitto/acl cloud/cloud.env; do
  [ -f "$PKI/$f" ] || die "$PKI/$f not found: --pki takes gz provision's --out folder"
done
for f in "$CERT" "$KEY"; do [ -f "$f" ] || die "$f not found"; done
openssl x509 -in "$CERT" -noout 2>/dev/null || die "$CERT is not a PEM certificate"
openssl x509 -in "$CERT" -noout -checkend 0 >/dev/null || die "$CERT has expired ($(openssl x509 -in "$CERT" -noout -enddate)); give a current certificate"
for p in "$HTTPS_PORT" "$INFLUX_PORT"; do [[ "$p" =~ ^[0-9]+$ ]] && [ "$p" -ge 1 ] && [ "$p" -le 65534 ] || die "port '$p' is not within 1..65534"; done

echo "installing the GzAiEdge cloud, broker and InfluxDB into ${ROOT:-/}"
PREFIX=()
[ -n "$ROOT" ] && PREFIX=(--prefix "$ROOT")
mkdir -p "$ROOT/etc"
for f in passwd group shadow gshadow; do [ -e "$ROOT/etc/$f" ] || touch "$ROOT/etc/$f"; done
for u in gz-cloud gz-mosquitto gz-influxdb; do
  if grep -q "^$u:" "$ROOT/etc/passwd"; then
    step "user $u exists"
  else
    useradd --system "${PREFIX[@]}" --user-group --no-create-home --home-dir "/var/lib/${u/gz-/gzaiedge-}" \
      --shell /usr/sbin/nologin --comment "GzAiEdge ${u#gz-}" "$u"
    step "created system user $u"
  fi
done
gid() { awk -F: -v g="$1" '$1 == g {print $3}' "$ROOT/etc/group"; }

# The release goes beside the old one and replaces it in one rename.
mkdir -p "$ROOT/opt"
rm -rf "$ROOT/opt/gzaiedge-cloud.new"
cp -a "$PUBLISH" "$ROOT/opt/gzaiedge-cloud.new"
install -d "$ROOT/opt/gzaiedge-cloud.new/docs" && install -m 0644 "$REPO/docs/operations.md" "$ROOT/opt/gzaiedge-cloud.new/docs/operations.md"
chown -R 0:0 "$ROOT/opt/gzaiedge-cloud.new"
[ -d "$ROOT/opt/gzaiedge-cloud" ] && mv "$ROOT/opt/gzaiedge-cloud" "$ROOT/opt/gzaiedge-cloud.old"
mv "$ROOT/opt/gzaiedge-cloud.new" "$ROOT/opt/gzaiedge-cloud"
rm -rf "$ROOT/opt/gzaiedge-cloud.old"
step "/opt/gzaiedge-cloud: $(find "$ROOT/opt/gzaiedge-cloud" -type f | wc -l) files from $PUBLISH"

ETC="$ROOT/etc/gzaiedge"
install -d -m 0755 -o 0 -g 0 "$ETC"
# The site PKI: public parts world-readable, each private key readable only by the service that needs it.
install -d -m 0755 "$ETC/pki" "$ETC/pki/broker"
install -m 0644 "$PKI/ca.crt" "$ETC/pki/ca.crt"
install -m 0644 "$PKI/broker/broker.crt" "$ETC/pki/broker/broker.crt"
install -m 0640 -o 0 -g "$(gid gz-mosquitto)" "$PKI/broker/broker.key" "$ETC/pki/broker/broker.key"
install -d -m 0750 -o 0 -g "$(gid gz-mosquitto)" "$ETC/mosquitto"
install -m 0640 -o 0 -g "$(gid gz-mosquitto)" "$PKI/mosquitto/acl" "$ETC/mosquitto/acl"
[ -f "$PKI/mosquitto/passwd" ] && install -m 0640 -o 0 -g "$(gid gz-mosquitto)" "$PKI/mosquitto/passwd" "$ETC/mosquitto/passwd"
install -m 0644 "$REPO/firmware-configs/mosquitto/gz-limits.conf" "$ETC/mosquitto/gz-limits.conf"
{
  echo "# Written by firmware-configs/cloud/install.sh from gz provision's mosquitto/gz-secure.conf (paths of /etc/gzaiedge)."
  sed "s#$(realpath "$PKI")/mosquitto#/etc/gzaiedge/mosquitto#g; s#$(realpath "$PKI")#/etc/gzaiedge/pki#g" "$PKI/mosquitto/gz-secure.conf"
  echo "persistence_location /var/lib/gzaiedge-mosquitto/"
  echo "include_dir /etc/gzaiedge/mosquitto/limits.d"
} > "$ETC/mosquitto/gz.conf"
install -d -m 0755 "$ETC/mosquitto/limits.d"
ln -sf ../gz-limits.conf "$ETC/mosquitto/limits.d/gz-limits.conf"
chmod 0640 "$ETC/mosquitto/gz.conf" && chown 0:"$(gid gz-mosquitto)" "$ETC/mosquitto/gz.conf"
step "/etc/gzaiedge/mosquitto: gz.conf (listener, TLS, identities, ACLs from $PKI), gz-limits.conf"

sed "s#@DIR@#/var/lib/gzaiedge-influxdb#g; s#@HTTP_PORT@#$INFLUX_PORT#g; s#@RPC_PORT@#$((INFLUX_PORT + 1))#g" \
  "$REPO/firmware-configs/influxdb/influxdb.conf.template" > "$ETC/influxdb.conf"
step "/etc/gzaiedge/influxdb.conf (HTTP 127.0.0.1:$INFLUX_PORT)"

# The cloud's settings: HTTPS from the certificate, InfluxDB, the broker over TLS with its identities, the data paths.
install -d -m 0750 -o 0 -g "$(gid gz-cloud)" "$ETC/tls"
install -m 0644 "$CERT" "$ETC/tls/cloud.crt"
install -m 0640 -o 0 -g "$(gid gz-cloud)" "$KEY" "$ETC/tls/cloud.key"
# The cloud's own keys (command signing key, device key registry) and the programme's public key; never the CA key
# or the devices' keys.
install -d -m 0750 -o 0 -g "$(gid gz-cloud)" "$ETC/pki/cloud"
for f in "$PKI"/cloud/*.pem "$PKI"/cloud/*.json; do
  [ -f "$f" ] && install -m 0640 -o 0 -g "$(gid gz-cloud)" "$f" "$ETC/pki/cloud/$(basename "$f")"
done
if [ -d "$PKI/programme" ]; then
  install -d -m 0755 "$ETC/pki/programme"
  for f in "$PKI"/programme/*.pub.pem; do [ -f "$f" ] && install -m 0644 "$f" "$ETC/pki/programme/$(basename "$f")"; done
fi
# The programme: scenario catalogue and types, alert rules (a site edits its copies here).
rm -rf "$ETC/scenarios" "$ETC/alerts"
cp -r "$REPO/firmware-configs/scenarios" "$ETC/scenarios"
cp -r "$REPO/firmware-configs/alerts" "$ETC/alerts"
BROKER_PORT="$(awk '$1 == "listener" {print $2; exit}' "$PKI/mosquitto/gz-secure.conf")"
(
  umask 027
  cat > "$ETC/cloud.env" <<ENV
Kestrel__Endpoints__Https__Url=https://0.0.0.0:$HTTPS_PORT
Kestrel__Endpoints__Https__Certificate__Path=/etc/gzaiedge/tls/cloud.crt
Kestrel__Endpoints__Https__Certificate__KeyPath=/etc/gzaiedge/tls/cloud.key
AllowedHosts=*
InfluxDb__BaseAddress=http://127.0.0.1:$INFLUX_PORT
InfluxDb__Database=gz
Broker__Host=127.0.0.1
Broker__Port=$BROKER_PORT
Broker__CaFile=/etc/gzaiedge/pki/ca.crt
DeadLetters__Path=/var/lib/gzaiedge-cloud/dead-letters.db
Alerts__StorePath=/var/lib/gzaiedge-cloud/alerts.db
Alerts__RulesPath=/etc/gzaiedge/alerts/rules.yaml
Catalogue__Path=/etc/gzaiedge/scenarios/catalogue.yaml
Access__StorePath=/var/lib/gzaiedge-cloud/access.db
AuditLog__Path=/var/lib/gzaiedge-cloud/audit-log.db
Audits__Path=/var/lib/gzaiedge-cloud/audits
Models__Path=/var/lib/gzaiedge-cloud/model-repository
Evaluation__PublishedPath=/var/lib/gzaiedge-cloud/published-leaderboards.db
ENV
  # The broker identities and the command key of each cloud job, as gz provision wrote them (its paths made ours).
  cat "$PKI"/cloud/*.env | grep -E '^(Broker|Commands|Verification|Models)__' | grep -v '^Broker__CaFile=' \
    | sed "s#$(realpath "$PKI")#/etc/gzaiedge/pki#g" >> "$ETC/cloud.env"
)
chown 0:"$(gid gz-cloud)" "$ETC/cloud.env"
step "/etc/gzaiedge/cloud.env (HTTPS on $HTTPS_PORT with tls/cloud.crt, InfluxDB 127.0.0.1:$INFLUX_PORT, broker 127.0.0.1:$BROKER_PORT over TLS)"

UNITS="$ROOT/etc/systemd/system"
install -d "$UNITS"
for u in gz-cloud gz-mosquitto gz-influxdb; do
  install -m 0644 "$HERE/$u.service" "$UNITS/$u.service"
done
step "/etc/systemd/system: gz-cloud.service, gz-mosquitto.service, gz-influxdb.service"

if [ -n "$ROOT" ]; then
  systemctl --root="$ROOT" enable gz-influxdb.service gz-mosquitto.service gz-cloud.service >/dev/null 2>&1 \
    || die "systemctl --root=$ROOT enable failed"
  step "enabled gz-influxdb, gz-mosquitto and gz-cloud under $ROOT (they start on the next boot)"
else
  systemctl disable --now mosquitto.service influxdb.service >/dev/null 2>&1 || true
  systemctl daemon-reload
  if [ "$START" -eq 1 ]; then
    systemctl enable --now gz-influxdb.service
    systemctl enable --now gz-mosquitto.service gz-cloud.service
    step "started: systemctl status gz-cloud; journalctl -u gz-cloud -f; then: gz doctor"
  else
    systemctl enable gz-influxdb.service gz-mosquitto.service gz-cloud.service
    step "enabled (not started): systemctl start gz-influxdb gz-mosquitto gz-cloud; gz doctor"
  fi
fi
