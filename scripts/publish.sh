#!/usr/bin/env bash
# ./gz publish [--check]: self-contained linux-x64 and linux-arm64 publishes of the edge worker in
# artifacts/publish/<rid>/, each with its architecture's ONNX Runtime and SQLite libraries, the models and replays,
# the board profiles and the systemd files. --check then runs each publish for real: linux-x64 here, linux-arm64
# under qemu-aarch64-static with a Debian arm64 sysroot, both publishing KPI reports to a Mosquitto of its own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/lib.sh

RIDS=(linux-x64 linux-arm64)
declare -A ELF_MACHINE=([linux-x64]=62 [linux-arm64]=183) ELF_NAME=([linux-x64]=x86-64 [linux-arm64]=aarch64)
# ELF e_machine (System V gABI, bytes 18-19 of the header).
elf_machine() { od -An -tu2 -j18 -N2 "$1" | tr -d ' '; }

publish() {
  local rid=$1 out="artifacts/publish/$1"
  say "publishing the edge worker for $rid (self-contained) into $out"
  rm -rf "$out"
  # The SDK takes its own runtime version (10.0.12 for SDK 10.0.401) for the runtime and apphost packs;
  # NuGet here serves those packs for linux-arm64 at 10.0.12 and 10.0.15 only, so no version is pinned.
  dotnet publish edge/GzAiEdge.Edge -c Release -r "$rid" --self-contained -o "$out" -nologo -clp:ErrorsOnly -v:quiet \
    -p:DebugType=none -p:GenerateDocumentationFile=false
  mkdir -p "$out/models" "$out/systemd"
  cp models/*.onnx models/*.md "$out/models/"
  cp -r models/replay "$out/models/"
  cp -r firmware-configs/systemd/. "$out/systemd/"
  cp README.md "$out/"
  for f in GzAiEdge.Edge libonnxruntime.so.1 libe_sqlite3.so libcoreclr.so; do
    [ -f "$out/$f" ] || die "$out/$f is missing from the publish"
    [ "$(elf_machine "$out/$f")" = "${ELF_MACHINE[$rid]}" ] || die "$out/$f is not an ${ELF_NAME[$rid]} binary"
  done
  # The build checked the library against its pinned SHA-256, and so did ./gz native for the staged copy just before.
  cmp -s "$out/libonnxruntime.so.1" ".cache/onnxruntime/$rid/libonnxruntime.so.1" \
    || die "$out/libonnxruntime.so.1 is not the verified ONNX Runtime for $rid (.cache/onnxruntime/$rid, ./gz native)"
  # NuGet's package carries every platform's library (about 300 MB); only this architecture's may be in the publish.
  local ort; ort="$(find "$out" -iname '*onnxruntime*' -not -path "$out/models/*" | sort | tr '\n' ' ')"
  [ "$ort" = "$out/libonnxruntime.so.1 " ] || die "$out holds other ONNX Runtime files than libonnxruntime.so.1: $ort"
  printf '  %-22s %s, %s files, %s\n' "$rid" "${ELF_NAME[$rid]}" "$(find "$out" -type f | wc -l)" "$(du -sh "$out" | cut -f1)"
}

# A Debian bookworm arm64 sysroot for qemu-aarch64-static -L: the C and C++ runtimes and OpenSSL that a
# self-contained .NET app and ONNX Runtime load. Fetched with apt into a private state folder, so the machine's
# own dpkg architectures stay as they are (no dpkg --add-architecture).
SYSROOT="$ROOT/.cache/arm64-sysroot"
SYSROOT_PACKAGES=(libc6 libgcc-s1 libstdc++6 libssl3 zlib1g)
sysroot() {
  [ -f "$SYSROOT/.packages" ] && [ "$(cat "$SYSROOT/.packages")" = "${SYSROOT_PACKAGES[*]}" ] && return 0
  say "building the arm64 sysroot from Debian's arm64 packages: ${SYSROOT_PACKAGES[*]}"
  local apt="$ROOT/.cache/arm64-apt"
  rm -rf "$apt" "$SYSROOT"; mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$SYSROOT"
  touch "$apt/status"
  local opts=(-o APT::Architecture=arm64 -o APT::Architectures::=arm64 -o Dir::State::Lists="$apt/lists"
    -o Dir::Cache="$apt/cache" -o Dir::State::status="$apt/status" -o Debug::NoLocking=1)
  apt-get "${opts[@]}" -qq update || die "apt-get update for arm64 failed (is the Debian mirror reachable?)"
  (cd "$apt/debs" && apt-get "${opts[@]}" -qq download "${SYSROOT_PACKAGES[@]}" 2>&1 | grep -v 'unsandboxed' || true)
  for deb in "$apt/debs"/*.deb; do dpkg-deb -x "$deb" "$SYSROOT"; done
  [ -f "$SYSROOT/lib/ld-linux-aarch64.so.1" ] || die "the arm64 sysroot has no dynamic loader"
  (cd "$apt/debs" && ls) > "$SYSROOT/.debs"
  echo "${SYSROOT_PACKAGES[*]}" > "$SYSROOT/.packages"
  rm -rf "$apt"
}

# qemu-user hands the guest the host's /proc/cpuinfo (x86) unless the -L root has one. ONNX Runtime 1.32's CPU
# detection (cpuinfo, at library load) finds no ARM core in it and dereferences NULL (seen: SIGSEGV right after reading
# /proc/cpuinfo, under every -cpu model; 1.23.2 survived it). A board has its own, so the guest gets what a
# Raspberry Pi 5 shows (Cortex-A76: implementer 0x41, part 0xd0b), one entry per host CPU as sysfs lists them.
guest_cpuinfo() {
  mkdir -p "$SYSROOT/proc"
  local i
  for ((i = 0; i < $(nproc --all); i++)); do
    printf 'processor\t: %d\nBogoMIPS\t: 108.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x4\nCPU part\t: 0xd0b\nCPU revision\t: 1\n\n' "$i"
  done > "$SYSROOT/proc/cpuinfo"
}

# run_publish RID LAUNCHER...: the publish for RID on a replay through the traffic detector, reporting to a
# Mosquitto of its own, until two KPI reports and a heartbeat have arrived; prints them, then stops it cleanly.
run_publish() {
  local rid=$1; shift
  local run="$ROOT/.run/publish-check/$rid" out="$ROOT/artifacts/publish/$rid" port pids=()
  rm -rf "$run"; mkdir -p "$run"
  port=$(free_port 18930)
  printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stdout\n' "$port" > "$run/mosquitto.conf"
  mosquitto -c "$run/mosquitto.conf" > "$run/mosquitto.log" 2>&1 & pids+=($!)
  # shellcheck disable=SC2064
  trap "kill -TERM ${pids[*]} 2>/dev/null || true" EXIT
  wait_port "$port" mosquitto "${pids[0]}" "$run/mosquitto.log"
  local profile=x64-dev; [ "$rid" = linux-arm64 ] && profile=rpi5
  cat > "$run/device.yaml" <<YAML
profile: $profile
edge: { site: tianhe-01, device: cam-$rid, scenario: traffic-tianhe-flow, windowSeconds: 5, heartbeatSeconds: 5, stateDirectory: $run/state }
broker: { host: 127.0.0.1, port: $port, allowPlaintext: true }
source: { kind: replay, path: $out/models/replay/traffic, labelled: true, sampleHz: 20 }
pipeline: { kind: traffic-detection, model: $out/models/traffic-detector.onnx, modelVersion: "1" }
YAML
  mosquitto_sub -p "$port" -t "gz/v1/tianhe-01/cam-$rid/kpi" -C 2 -W 240 > "$run/kpi.jsonl" 2>&1 & local kpi=$!
  mosquitto_sub -p "$port" -t "gz/v1/tianhe-01/cam-$rid/heartbeat" -C 1 -W 240 > "$run/heartbeat.json" 2>&1 & local hb=$!
  say "running $out/GzAiEdge.Edge ($rid)${*:+ under $*}"
  local started=$SECONDS
  "$@" "$out/GzAiEdge.Edge" --config "$run/device.yaml" > "$run/worker.log" 2>&1 & local worker=$!
  pids+=("$worker")
  trap "kill -TERM ${pids[*]} 2>/dev/null || true" EXIT
  wait "$kpi" || { tail -30 "$run/worker.log" >&2; die "$rid: no KPI reports arrived (worker log: $run/worker.log)"; }
  wait "$hb" || { tail -30 "$run/worker.log" >&2; die "$rid: no heartbeat arrived (worker log: $run/worker.log)"; }
  local took=$((SECONDS - started))
  kill -TERM "$worker"; local rc=0; wait "$worker" || rc=$?
  kill -TERM "${pids[0]}" 2>/dev/null; wait "${pids[0]}" 2>/dev/null || true
  trap - EXIT
  [ "$rc" -eq 0 ] || { tail -30 "$run/worker.log" >&2; die "$rid: the worker exited $rc on SIGTERM"; }
  grep -E 'Pipeline started|Connected to the broker|Outbox .*messages waiting' "$run/worker.log" | sed 's/^ */  log: /'
  sed 's/^/  kpi: /' "$run/kpi.jsonl"
  sed 's/^/  heartbeat: /' "$run/heartbeat.json"
  echo "  $rid: two reports and a heartbeat in ${took} s (including start-up), clean stop on SIGTERM; logs in $run"
}

check() {
  command -v mosquitto >/dev/null && command -v mosquitto_sub >/dev/null || die "mosquitto and mosquitto_sub are needed (./gz setup)"
  if ! command -v qemu-aarch64-static >/dev/null; then
    [ "$(id -u)" -eq 0 ] || die "qemu-aarch64-static is needed: sudo apt-get install -y qemu-user-static"
    say "installing qemu-user-static"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static >/dev/null
  fi
  sysroot
  guest_cpuinfo
  run_publish linux-x64
  # binfmt_misc may not be registered (containers), so qemu is named explicitly; -L is the guest's root for the
  # dynamic loader and every library it opens. W^X off for the emulator only: .NET writes JIT code through a second,
  # writable mapping of the same pages, which qemu-user does not see as a change to code it has already translated,
  # so it runs stale translations (seen here: SIGSEGV at shutdown in 3 of 4 runs, an AccessViolation in Memmove at
  # start; with W^X off, 5 of 5 clean). On a board the default (W^X on) stays.
  DOTNET_EnableWriteXorExecute=0 run_publish linux-arm64 qemu-aarch64-static -L "$SYSROOT"
  say "arm64 check: $(qemu-aarch64-static --version | head -1); sysroot from Debian bookworm arm64: $(tr '\n' ' ' < "$SYSROOT/.debs")"
}

CHECK=0
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=1 ;;
    *) die "unknown argument '$arg'; usage: ./gz publish [--check]" ;;
  esac
done
for rid in "${RIDS[@]}"; do publish "$rid"; done
[ "$CHECK" -eq 1 ] && check
exit 0
