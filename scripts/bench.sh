#!/usr/bin/env bash
# ./gz bench <what>: benchmarks that compare GzAiEdge with a peer on this machine (medians and ratios;
# the machine is shared and noisy, so no absolute figure is a pass/fail line).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CONFIGURATION="${GZ_CONFIGURATION:-Release}"

inference() {
  # The peer: onnxruntime-node at the ORT version our binding loads. --ignore-scripts: its install script
  # would download CUDA files; the CPU library and the Node binding are inside the package already.
  if [ ! -d bench/peers/node_modules/onnxruntime-node ]; then
    (cd bench/peers && npm install --ignore-scripts --no-audit --no-fund --silent)
  fi
  dotnet "bench/GzAiEdge.Inference.Bench/bin/$CONFIGURATION/net10.0/GzAiEdge.Inference.Bench.dll" "$ROOT" "${GZ_BENCH_RUNS:-3000}"
}

case "${1:-}" in
  inference) inference ;;
  *) echo "usage: ./gz bench inference   (our ONNX Runtime binding vs onnxruntime-node; GZ_BENCH_RUNS=3000)" >&2; exit 2 ;;
esac
