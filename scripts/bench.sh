#!/usr/bin/env bash
# ./gz bench <what>: benchmarks that compare GzAiEdge with a peer on this machine (medians and ratios;
# the machine is shared and noisy, so no absolute figure is a pass/fail line). docs/benchmarks.md says
# what each one measures, how, and why its peer is a fair one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CONFIGURATION="${GZ_CONFIGURATION:-Release}"
. scripts/lib.sh

usage() {
  cat >&2 <<USAGE
usage: ./gz bench <what> [options]      (docs/benchmarks.md; each prints medians and a ratio against its peer)
  ingest     KPI reports → Mosquitto → ingestion → InfluxDB: GzAiEdge vs a Node.js MQTT.js bridge
             [--reports 100000] [--devices 1000] [--runs 5] [--loader-connections 8] [--peer-ack receipt|after-write]
             [--live-feed]  (GzAiEdge also runs its live feed, which reads every report a second time)
  publish    one connection publishing QoS 1 reports: our MQTT client vs MQTT.js   [--messages 200000] [--runs 5]
  inference  our ONNX Runtime binding on NuGet's library (the one shipped) and on npm's 1.23.2, and
             onnxruntime-node, on the same models                                (GZ_BENCH_RUNS=3000 GZ_BENCH_ROUNDS=3)
  fleet      memory and CPU per simulated device: gz fleet vs an MQTT.js fleet
             [--devices 1000 10000] [--runs 3] [--window-seconds 5]
  scaleout   1, 2, 3 ingestion instances on the shared subscription: throughput, split, nothing lost or doubled
             [--reports 60000] [--instances 1 2 3] [--runs 3] [--without-peer] [--live-feed]
  hotpath    per-message hot paths with BenchmarkDotNet's memory diagnoser (bytes allocated per report):
             payload → line protocol against the general path it replaced, MQTT PUBLISH decode/encode
             [BenchmarkDotNet options, default: --filter '*'; the benchmarks run in process]
  api        GET /api/v1/kpis/latest p50/p95 with authentication (admin and provider tokens) and without (the peer)
             [--requests 2000] [--runs 5] [--devices 100]
  evaluate   100 scenarios × 30 days into a fresh InfluxDB, then time the evaluation
             [--scenarios N] [--days D] [--window-seconds S] [--parallel P]
             [--evidence [--rounds R]]: signed chains, verified into spans; times without and with evidence
  audit      audit the traffic detector on a real edge worker with a 500-image test set: wall time, the
             device's added CPU, field-window inference p95 during the audit   [--runs 5] [--baseline-seconds 10]
  deps       the design card's packages against our pieces (docs/dependencies.md): MQTTnet's bytes per received
             message and its session after a lost connection, System.Device.Gpio's and Iot.Device.Bindings' surface,
             InfluxDB.Client and InfluxDB3.Client against InfluxDB 1.6, the managed ONNX Runtime on an older library
             [--messages 100000] [--runs 3]
  all        ingest, publish, inference, hotpath, fleet and scaleout with their defaults, in turn
USAGE
}

# The peers' npm packages (bench/peers/package-lock.json): MQTT.js and onnxruntime-node. --ignore-scripts:
# onnxruntime-node's install script would download CUDA files; the CPU library is inside the package.
peers() {
  command -v node >/dev/null || die "Node.js and npm are needed for the peers in bench/peers"
  if [ ! -f bench/peers/node_modules/mqtt/package.json ] || [ ! -d bench/peers/node_modules/onnxruntime-node ]; then
    say "installing the peers' npm packages (bench/peers)"
    (cd bench/peers && npm ci --ignore-scripts --no-audit --no-fund --silent)
  fi
}

# Each device of a fleet holds a socket in the fleet process and one in the broker (each inherits this limit):
# 10 000 devices need a little over 10 000 in each.
open_files() {
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  [ "$(ulimit -n)" -ge "$1" ] || die "ulimit -n is $(ulimit -n); $1 open files are needed (raise the hard limit, e.g. in /etc/security/limits.conf)"
}

harness() { dotnet "bench/GzAiEdge.Load.Bench/bin/$CONFIGURATION/net10.0/GzAiEdge.Load.Bench.dll" "$@"; }

inference() {
  peers
  dotnet "bench/GzAiEdge.Inference.Bench/bin/$CONFIGURATION/net10.0/GzAiEdge.Inference.Bench.dll" "$ROOT" "${GZ_BENCH_RUNS:-3000}" "${GZ_BENCH_ROUNDS:-3}"
}

# In process (the benchmarks are [InProcess]); BenchmarkDotNet writes its reports under .run/bench/hotpath.
hotpath() {
  local dll="bench/GzAiEdge.HotPath.Bench/bin/$CONFIGURATION/net10.0/GzAiEdge.HotPath.Bench.dll"
  if [ $# -eq 0 ]; then set -- --filter '*'; fi
  dotnet "$dll" "$@"
}

# An InfluxDB of its own (stopped by PID on exit), then the CLI's bench command: 100 scenarios x 30 days
# of 10 s windows written, the whole programme evaluated, time and query count printed.
evaluate() {
  local dll="cloud/GzAiEdge.Cli/bin/$CONFIGURATION/net10.0/gz.dll"
  local run="$ROOT/.run/bench" port
  rm -rf "$run"
  port=$(free_port 18186)
  start_influxdb "$run" "$port" "$(free_port $((port + 1000)))" "$run/influxdb.log"
  trap 'kill -TERM '"$INFLUX_PID"' 2>/dev/null; wait '"$INFLUX_PID"' 2>/dev/null' EXIT
  wait_port "$port" influxdb "$INFLUX_PID" "$run/influxdb.log"
  say "influxdb on 127.0.0.1:$port (data in $run)"
  dotnet "$dll" bench evaluate --influx "http://127.0.0.1:$port" --database gzbench "$@"
}

# A 500-image traffic test set made once with the scene generators (models/make_testsets.py, Debian's
# python3-numpy; kept under .run/bench-audit), then the harness: a device and cloud of its own, audited in turn.
audit() {
  local set="$ROOT/.run/bench-audit/testset"
  if [ ! -f "$set/manifest.json" ]; then
    /usr/bin/python3 -c 'import numpy' 2>/dev/null || die "the test set is made with Debian's python3-numpy: apt-get install -y python3-numpy"
    say "making a 500-image traffic test set in $set (models/make_testsets.py traffic --count 500)"
    /usr/bin/python3 models/make_testsets.py traffic --count 500 --out "$set" --version bench > /dev/null
  fi
  say "bench audit"
  harness audit --testset "$set" "$@"
}

case "${1:-}" in
  ingest|publish|scaleout) what=$1; shift; peers; open_files 4096; say "bench $what"; harness "$what" "$@" ;;
  fleet) shift; peers; open_files 10240; say "bench fleet"; harness fleet "$@" ;;
  api) shift; say "bench api"; harness api "$@" ;;
  inference) shift; inference ;;
  hotpath) shift; say "bench hotpath"; hotpath "$@" ;;
  evaluate) shift; evaluate "$@" ;;
  audit) shift; audit "$@" ;;
  deps) shift; peers; say "bench deps"; dotnet "bench/GzAiEdge.Deps.Bench/bin/$CONFIGURATION/net10.0/GzAiEdge.Deps.Bench.dll" "$ROOT" "$@" ;;
  all)
    shift
    peers
    open_files 10240
    for what in ingest publish; do say "bench $what"; harness "$what"; done
    say "bench inference"; inference
    say "bench hotpath"; hotpath
    for what in fleet scaleout; do say "bench $what"; harness "$what"; done ;;
  *) usage; exit 2 ;;
esac
