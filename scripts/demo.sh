#!/usr/bin/env bash
# ./gz demo: TLS broker, InfluxDB, cloud and four edge devices running the project's ONNX models on replayed data, on loopback.
# Everything runs under .run/demo; Ctrl-C (or GZ_DEMO_SECONDS elapsing) stops every process started here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CONFIGURATION="${GZ_CONFIGURATION:-Release}"
RUN="$ROOT/.run/demo"
PIDS=()

. scripts/lib.sh

# Stops in reverse start order: devices first (they announce offline through the broker), then
# the cloud (it finishes its batch), then InfluxDB and the broker. Each gets 10 s before SIGKILL.
stop_all() {
  trap - INT TERM EXIT
  say "stopping"
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do
    local pid=${PIDS[$i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null && echo "process $pid did not stop in 10 s; killed" >&2
  done
  return 0
}
trap stop_all INT TERM EXIT

rm -rf "$RUN"; mkdir -p "$RUN/mosquitto/conf.d" "$RUN/influxdb" "$RUN/state"
MQTT_PORT=$(free_port 18830); INFLUX_PORT=$(free_port 18086); RPC_PORT=$(free_port 18088); API_PORT=$(free_port 5080)

# Identities, so that the demo runs as a site would: broker users and ACL, signing keys, a CA and the broker certificate.
# The cloud gets one identity per job (ingest, live feed and alerts, commander) and instance; a second instance's
# ingestion identity is the watcher's below, since the broker binds each identity to one client id.
say "provisioning the demo devices (TLS, passwords, ACL, signing keys) in $RUN/pki"
dotnet "cloud/GzAiEdge.Cli/bin/$CONFIGURATION/net10.0/gz.dll" provision --site tianhe-01 --device cam-01 \
  --device huangpu-02/line-03 --device huangpu-02/motor-03 --device yuexiu-03/ward-05 --cloud-instances 2 \
  --broker-port "$MQTT_PORT" --broker-bind 127.0.0.1 --out "$RUN/pki" > /dev/null
cp firmware-configs/mosquitto/gz-limits.conf "$RUN/pki/mosquitto/gz-secure.conf" "$RUN/mosquitto/conf.d/"
cat > "$RUN/mosquitto/mosquitto.conf" <<CONF
include_dir $RUN/mosquitto/conf.d
persistence_location $RUN/mosquitto/
log_dest stdout
log_type error
log_type warning
user root
CONF
say "mosquitto on 127.0.0.1:$MQTT_PORT"
mosquitto -c "$RUN/mosquitto/mosquitto.conf" > "$RUN/mosquitto.log" 2>&1 & PIDS+=($!)
wait_port "$MQTT_PORT" mosquitto "$!" "$RUN/mosquitto.log"

say "influxdb on 127.0.0.1:$INFLUX_PORT"
start_influxdb "$RUN/influxdb" "$INFLUX_PORT" "$RPC_PORT" "$RUN/influxdb.log"; PIDS+=("$INFLUX_PID")
wait_port "$INFLUX_PORT" influxdb "$INFLUX_PID" "$RUN/influxdb.log"
influx -port "$INFLUX_PORT" -execute 'CREATE DATABASE "gz"' > /dev/null

# The sealed test sets audits run on, one per pipeline, in the cloud's audit store (labels kept apart).
for set in traffic inspection vibration vitals; do
  dotnet "cloud/GzAiEdge.Cli/bin/$CONFIGURATION/net10.0/gz.dll" testset import "models/testsets/$set" --store "$RUN/audits" > /dev/null
done

API="http://127.0.0.1:$API_PORT"
say "cloud API on $API"
# Credentials come from the provisioned env files (never on the command line, where ps shows them). This one instance
# runs every job, so it holds all of instance 1's identities; an instance that only ingests would source cloud.env and ingest-N.env.
( set -a; for env in cloud ingest-1 live-1 commander-1; do . "$RUN/pki/cloud/$env.env"; done; set +a
  exec dotnet "cloud/GzAiEdge.Cloud/bin/$CONFIGURATION/net10.0/GzAiEdge.Cloud.dll" --urls "$API" \
  --InfluxDb:BaseAddress="http://127.0.0.1:$INFLUX_PORT" --InfluxDb:Database=gz \
  --Broker:Port="$MQTT_PORT" --DeadLetters:Path="$RUN/dead-letters.db" \
  --Alerts:StorePath="$RUN/alerts.db" --Models:Path="$RUN/models" \
  --Audits:Path="$RUN/audits" --Audits:SigningKeyFile="$RUN/pki/programme/programme-key.pem" ) > "$RUN/cloud.log" 2>&1 & PIDS+=($!)
wait_port "$API_PORT" cloud "$!" "$RUN/cloud.log"

for pair in traffic:cam-01 manufacturing:line-03 vibration:motor-03 medical:ward-05; do
  device=${pair%%:*}
  # Every device runs audits; the ward monitor also takes model updates from the cloud's repository (its config
  # enables the other commands).
  commands=(--commands:enabled:0=audit.run --commands:api="$API")
  [ "$device" = medical ] && commands=(--commands:enabled:2=model.update --commands:enabled:3=audit.run --commands:api="$API")
  say "edge device ($device, TLS, signed reports)"
  ( set -a; . "$RUN/pki/devices/${pair#*:}/credentials.env"; set +a
    exec dotnet "edge/GzAiEdge.Edge/bin/$CONFIGURATION/net10.0/GzAiEdge.Edge.dll" \
    --config "firmware-configs/devices/demo/$device.yaml" --broker:port="$MQTT_PORT" \
    --edge:stateDirectory="$RUN/state" "${commands[@]}" ) > "$RUN/edge-$device.log" 2>&1 & PIDS+=($!)
done

cat <<INFO

  Dashboard    $API/   (live KPIs, devices and alerts; 中文 / English)
  API          $API/api/v1/kpis/latest   (dead letters: $API/api/v1/dead-letters)
  InfluxDB     influx -port $INFLUX_PORT -database gz -execute 'SELECT * FROM kpi ORDER BY time DESC LIMIT 5'
  MQTT (TLS)   mosquitto_sub -p $MQTT_PORT --cafile $RUN/pki/ca.crt -u gz-ingest-2 -P "\$(sed -n 's/^Broker__Ingest__Password=//p' $RUN/pki/cloud/ingest-2.env)" -t 'gz/v1/+/+/+' -v
  verify       ./gz verify --api $API --site tianhe-01 --device cam-01
  command      ./gz command --api $API --site yuexiu-03 --device ward-05 --wait config.set Pipeline:DecisionThreshold=0.6
  model        ./gz model sign --key $RUN/pki/programme/programme-key.pem --file models/vitals-classifier.onnx --name vitals-classifier --version 1.1 \\
                 --version-number 2 --pipeline vitals-classification --out $RUN/models
               ./gz command --api $API --site yuexiu-03 --device ward-05 --wait model.update --name vitals-classifier --version 1.1
  audit        ./gz audit --api $API start --scenario traffic-tianhe-flow --testset gz-traffic --wait
               (test sets: ./gz testset list --store $RUN/audits; gz-traffic, gz-inspection, gz-vibration, gz-vitals)
  logs         $RUN/*.log
  report       ./gz report --influx http://127.0.0.1:$INFLUX_PORT --keys $RUN/pki/cloud/device-keys.json --last 10m --scenario traffic-tianhe-flow --scenario mfg-huangpu-inspection --scenario med-yuexiu-vitals --out $RUN/report

INFO
watch_args=(watch --api "$API")
[ -n "${GZ_DEMO_SECONDS:-}" ] && watch_args+=(--seconds "$GZ_DEMO_SECONDS")
dotnet "cloud/GzAiEdge.Cli/bin/$CONFIGURATION/net10.0/gz.dll" "${watch_args[@]}" || true
