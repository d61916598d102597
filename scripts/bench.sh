#!/usr/bin/env bash
# ./gz bench <what>: benchmarks that compare GzAiEdge with a peer on this machine (medians and ratios;
# the machine is shared and noisy, so no absolute figure is a pass/fail line).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CONFIGURATION="${GZ_CONFIGURATION:-Release}"
. scripts/lib.sh

inference() {
  # The peer: onnxruntime-node at the ORT version our binding loads. --ignore-scripts: its install script
  # would download CUDA files; the CPU library and the Node binding are inside the package already.
  if [ ! -d bench/peers/node_modules/onnxruntime-node ]; then
    (cd bench/peers && npm install --ignore-scripts --no-audit --no-fund --silent)
  fi
  dotnet "bench/GzAiEdge.Inference.Bench/bin/$CONFIGURATION/net10.0/GzAiEdge.Inference.Bench.dll" "$ROOT" "${GZ_BENCH_RUNS:-3000}"
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

case "${1:-}" in
  inference) shift; inference ;;
  evaluate) shift; evaluate "$@" ;;
  *) echo "usage: ./gz bench inference   (our ONNX Runtime binding vs onnxruntime-node; GZ_BENCH_RUNS=3000)" >&2
     echo "       ./gz bench evaluate [--scenarios N] [--days D] [--window-seconds S] [--parallel P]" >&2; exit 2 ;;
esac
