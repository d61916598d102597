#!/usr/bin/env bash
# Installs the GzAiEdge edge worker on a device as a systemd service (firmware-configs/systemd/gz-edge.service):
#   /opt/gzaiedge/         the ./gz publish output for the board (worker, ONNX Runtime, models, profiles)
#   /etc/gzaiedge/         device.yaml, and from gz provision: ca.crt, signing-key.pem, command-key.pub.pem, credentials.env
#                          (and client.crt, client.key for a site provisioned with --client-certs)
#   /var/lib/gzaiedge/     the outbox (created by systemd, StateDirectory=)
# and a system user gz-edge in the gpio, i2c and video groups. --root DIR does all of it under DIR (an image being
# built, or a test) and enables the unit without starting it. Every step is printed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
USER_NAME=gz-edge
GROUPS_NEEDED=(gpio i2c video)

usage() {
  cat <<USAGE
usage: install.sh --publish DIR --config FILE --credentials DIR [--ca FILE] [--root DIR] [--no-start]
  --publish DIR      a ./gz publish output for this board (artifacts/publish/linux-arm64 or linux-x64)
  --config FILE      the device config (e.g. firmware-configs/sites/...); installed as /etc/gzaiedge/device.yaml
  --credentials DIR  the device's folder that gz provision wrote (OUT/devices/<device>): signing-key.pem, credentials.env
  --ca FILE          the site CA from gz provision (default: the credentials folder's ../../ca.crt)
  --root DIR         install under DIR instead of /, and enable without starting (image builds, tests)
  --no-start         enable the service but do not start it now
USAGE
}

die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }
step() { printf '  %s\n' "$*"; }

ROOT="" PUBLISH="" CONFIG="" CREDENTIALS="" CA="" START=1 ARGS="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --publish) PUBLISH="${2:?--publish needs a folder}"; shift 2 ;;
    --config) CONFIG="${2:?--config needs a file}"; shift 2 ;;
    --credentials) CREDENTIALS="${2:?--credentials needs a folder}"; shift 2 ;;
    --ca) CA="${2:?--ca needs a file}"; shift 2 ;;
    --root) ROOT="$(realpath -m "${2:?--root needs a folder}")"; shift 2 ;;
    --no-start) START=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "must run as root: it creates the system user $USER_NAME and writes /opt, /etc and the systemd unit (with --root, files owned by that user). Run: sudo $0 $ARGS"
[ -n "$PUBLISH" ] && [ -n "$CONFIG" ] && [ -n "$CREDENTIALS" ] || { usage >&2; die "--publish, --config and --credentials are needed"; }
CA="${CA:-$CREDENTIALS/../../ca.crt}"
[ -x "$PUBLISH/GzAiEdge.Edge" ] || die "$PUBLISH/GzAiEdge.Edge not found: --publish takes a ./gz publish output (artifacts/publish/<rid>)"
[ -f "$CONFIG" ] || die "config $CONFIG not found"
for f in signing-key.pem credentials.env; do
  [ -f "$CREDENTIALS/$f" ] || die "$CREDENTIALS/$f not found: --credentials takes the device's folder from gz provision (OUT/devices/<device>)"
done
[ -f "$CA" ] || die "CA $CA not found: give it with --ca (gz provision wrote OUT/ca.crt)"
# The device proves who it is with a password, or (gz provision --client-certs) with its client certificate.
CLIENT_CERTS=0
grep -q '^Broker__ClientCertificateFile=' "$CREDENTIALS/credentials.env" && CLIENT_CERTS=1
if [ "$CLIENT_CERTS" -eq 1 ]; then
  for f in client.crt client.key; do [ -f "$CREDENTIALS/$f" ] || die "$CREDENTIALS/$f not found: the site uses client certificates"; done
else
  grep -q '^Broker__Password=' "$CREDENTIALS/credentials.env" || die "$CREDENTIALS/credentials.env has neither Broker__Password nor a client certificate"
fi

# ELF e_machine (System V gABI, bytes 18-19): 62 x86-64, 183 AArch64. Installing another architecture's publish
# on the machine itself would only fail at the first start.
elf_arch() { case "$(od -An -tu2 -j18 -N2 "$1" | tr -d ' ')" in 62) echo x86_64 ;; 183) echo aarch64 ;; *) echo unknown ;; esac; }
PUBLISH_ARCH="$(elf_arch "$PUBLISH/GzAiEdge.Edge")"
if [ -z "$ROOT" ] && [ "$PUBLISH_ARCH" != "$(uname -m)" ]; then
  die "$PUBLISH is a $PUBLISH_ARCH build; this machine is $(uname -m): publish for this board (./gz publish)"
fi

echo "installing the GzAiEdge edge worker ($PUBLISH_ARCH) into ${ROOT:-/}"
PREFIX=()
[ -n "$ROOT" ] && PREFIX=(--prefix "$ROOT")
mkdir -p "$ROOT/etc"
for f in passwd group shadow gshadow; do [ -e "$ROOT/etc/$f" ] || touch "$ROOT/etc/$f"; done
for g in "${GROUPS_NEEDED[@]}"; do
  if grep -q "^$g:" "$ROOT/etc/group"; then
    step "group $g exists"
  else
    groupadd --system "${PREFIX[@]}" "$g" && step "created system group $g"
  fi
done
if grep -q "^$USER_NAME:" "$ROOT/etc/passwd"; then
  step "user $USER_NAME exists"
else
  useradd --system "${PREFIX[@]}" --user-group --no-create-home --home-dir /var/lib/gzaiedge --shell /usr/sbin/nologin \
    --comment "GzAiEdge edge worker" "$USER_NAME"
  step "created system user $USER_NAME"
fi
GID="$(awk -F: -v g="$USER_NAME" '$1 == g {print $3}' "$ROOT/etc/group")"

# The new release goes beside the old one and replaces it in one rename, so a stopped worker never sees half of it.
mkdir -p "$ROOT/opt"
rm -rf "$ROOT/opt/gzaiedge.new"
cp -a "$PUBLISH" "$ROOT/opt/gzaiedge.new"
chown -R 0:0 "$ROOT/opt/gzaiedge.new"
if [ -d "$ROOT/opt/gzaiedge" ]; then
  rm -rf "$ROOT/opt/gzaiedge.old"
  mv "$ROOT/opt/gzaiedge" "$ROOT/opt/gzaiedge.old"
fi
mv "$ROOT/opt/gzaiedge.new" "$ROOT/opt/gzaiedge"
rm -rf "$ROOT/opt/gzaiedge.old"
step "/opt/gzaiedge: $(find "$ROOT/opt/gzaiedge" -type f | wc -l) files from $PUBLISH"

# Readable by the service (group gz-edge), writable only by root; the key and the password are not world-readable.
ETC="$ROOT/etc/gzaiedge"
install -d -m 0750 -o 0 -g "$GID" "$ETC"
install -m 0640 -o 0 -g "$GID" "$CONFIG" "$ETC/device.yaml"
install -m 0644 -o 0 -g 0 "$CA" "$ETC/ca.crt"
install -m 0640 -o 0 -g "$GID" "$CREDENTIALS/signing-key.pem" "$ETC/signing-key.pem"
# The cloud's public command key: the device runs only commands it signed (commands: commandKeyFiles).
install -m 0644 -o 0 -g 0 "$CREDENTIALS/command-key.pub.pem" "$ETC/command-key.pub.pem"
# Only the broker identity: gz provision's paths (CA, key) are those of the machine it ran on; the device config names
# the installed ones, and the environment would override it. A client certificate is installed beside them and named
# by its installed path.
if [ "$CLIENT_CERTS" -eq 1 ]; then
  install -m 0644 -o 0 -g 0 "$CREDENTIALS/client.crt" "$ETC/client.crt"
  install -m 0640 -o 0 -g "$GID" "$CREDENTIALS/client.key" "$ETC/client.key"
  ( umask 027; grep -E '^Broker__Username=' "$CREDENTIALS/credentials.env" > "$ETC/credentials.env"
    printf 'Broker__ClientCertificateFile=/etc/gzaiedge/client.crt\nBroker__ClientKeyFile=/etc/gzaiedge/client.key\n' >> "$ETC/credentials.env" )
  IDENTITY="broker username and client certificate (client.crt, client.key)"
else
  ( umask 027; grep -E '^Broker__(Username|Password)=' "$CREDENTIALS/credentials.env" > "$ETC/credentials.env" )
  IDENTITY="broker username and password"
fi
chown 0:"$GID" "$ETC/credentials.env"
step "/etc/gzaiedge: device.yaml (from $CONFIG), ca.crt, signing-key.pem, command-key.pub.pem, credentials.env ($IDENTITY)"

UNITS="$ROOT/etc/systemd/system"
install -d "$UNITS"
install -m 0644 "$HERE/gz-edge.service" "$UNITS/gz-edge.service"
step "/etc/systemd/system/gz-edge.service"
PROFILE="$(sed -n 's/^profile:[[:space:]]*\([a-z0-9-]*\).*/\1/p' "$CONFIG" | head -1)"
if [[ "$PROFILE" == jetson-* ]]; then
  install -d "$UNITS/gz-edge.service.d"
  install -m 0644 "$HERE/gz-edge.service.d/jetson.conf" "$UNITS/gz-edge.service.d/jetson.conf"
  step "/etc/systemd/system/gz-edge.service.d/jetson.conf (profile $PROFILE: GPU and camera nodes)"
fi
install -d "$ROOT/etc/udev/rules.d"
install -m 0644 "$HERE/99-gzaiedge.rules" "$ROOT/etc/udev/rules.d/99-gzaiedge.rules"
step "/etc/udev/rules.d/99-gzaiedge.rules (gpiochip → group gpio, i2c-N → group i2c)"

if [ -n "$ROOT" ]; then
  systemctl --root="$ROOT" enable gz-edge.service >/dev/null 2>&1 || die "systemctl --root=$ROOT enable gz-edge.service failed"
  step "enabled gz-edge.service under $ROOT (starts on the device's next boot)"
else
  udevadm control --reload-rules && udevadm trigger --subsystem-match=gpio --subsystem-match=i2c-dev || step "udev rules not reloaded (no udev?)"
  systemctl daemon-reload
  if [ "$START" -eq 1 ]; then
    systemctl enable --now gz-edge.service
    step "enabled and started gz-edge.service: systemctl status gz-edge; journalctl -u gz-edge -f"
  else
    systemctl enable gz-edge.service
    step "enabled gz-edge.service (not started): systemctl start gz-edge"
  fi
fi
