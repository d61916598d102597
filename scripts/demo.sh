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
# People and the demo's own clients: an admin, an evaluator, one provider per demo scenario (named as the catalogue
# names them) and a read-only account for the watch table. Passwords go to a file only this user can read; the
# clients take tokens from files, never from a command line.
GZ=(dotnet "cloud/GzAiEdge.Cli/bin/$CONFIGURATION/net10.0/gz.dll")
STORE=(--store "$RUN/access.db" --audit-log "$RUN/audit-log.db")
ACCOUNTS="$RUN/accounts.txt"
( umask 077; : > "$ACCOUNTS" )
add_user() { # NAME ROLE [OPTIONS...]: makes the account and keeps its generated password in $ACCOUNTS
  local name=$1 role=$2; shift 2
  "${GZ[@]}" user add "$name" --role "$role" "$@" "${STORE[@]}" | sed -n "s/^added $name; password (shown once): /$name $role /p" >> "$ACCOUNTS"
}
say "accounts for the dashboard (passwords in $ACCOUNTS, readable only by you)"
add_user demo-admin admin
add_user demo-evaluator evaluator
add_user demo-traffic provider --provider-of traffic-tianhe-flow
add_user demo-factory provider --provider-of mfg-huangpu-inspection
add_user demo-ward provider --provider-of med-yuexiu-vitals
add_user demo-wall viewer
"${GZ[@]}" token create --user demo-admin --name "demo commands" --days 1 --out "$RUN/admin.token" "${STORE[@]}" > /dev/null
"${GZ[@]}" token create --user demo-wall --name "demo watch table" --days 1 --out "$RUN/wall.token" "${STORE[@]}" > /dev/null
"${GZ[@]}" token create --user demo-evaluator --name "demo reports" --days 1 --out "$RUN/evaluator.token" "${STORE[@]}" > /dev/null

API="http://127.0.0.1:$API_PORT"
say "cloud API on $API"
# The catalogue lists the sites' sensor devices under the demo's scenarios too (loop-01, motor-04, env-01, bed-07: real
# hardware, firmware-configs/sites). The demo runs none of them, and a listed device that never reports counts against
# its scenario's uptime, so the demo's cloud reads a copy that lists only the devices the demo runs (with the shipped types).
sed -e 's/devices: \[cam-01, loop-01\]/devices: [cam-01]/' -e 's/devices: \[line-03, motor-03, motor-04, env-01\]/devices: [line-03, motor-03]/' \
  -e 's/devices: \[ward-05, bed-07\]/devices: [ward-05]/' firmware-configs/scenarios/catalogue.yaml > "$RUN/catalogue.yaml"
[ "$(diff firmware-configs/scenarios/catalogue.yaml "$RUN/catalogue.yaml" | grep -c '^>')" = 3 ] \
  || die "the catalogue's demo scenarios no longer list the devices this script expects; update the sed above"
# Credentials come from the provisioned env files (never on the command line, where ps shows them). This one instance
# runs every job, so it holds all of instance 1's identities; an instance that only ingests would source cloud.env and ingest-N.env.
( set -a; for env in cloud ingest-1 live-1 commander-1; do . "$RUN/pki/cloud/$env.env"; done; set +a
  exec dotnet "cloud/GzAiEdge.Cloud/bin/$CONFIGURATION/net10.0/GzAiEdge.Cloud.dll" --urls "$API" \
  --InfluxDb:BaseAddress="http://127.0.0.1:$INFLUX_PORT" --InfluxDb:Database=gz \
  --Broker:Port="$MQTT_PORT" --Catalogue:Path="$RUN/catalogue.yaml" --Evaluation:TypesPath="$PWD/firmware-configs/scenarios/types" \
  --DeadLetters:Path="$RUN/dead-letters.db" \
  --Alerts:StorePath="$RUN/alerts.db" --Models:Path="$RUN/models" --Access:StorePath="$RUN/access.db" \
  --AuditLog:Path="$RUN/audit-log.db" --Evaluation:PublishedPath="$RUN/published-leaderboards.db" \
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

  Dashboard    $API/   (sign in: accounts and passwords are in $ACCOUNTS, readable only by you; 中文 / English)
  API          $API/api/v1/kpis/latest   with a token: curl -H "Authorization: Bearer \$(cat $RUN/admin.token)" …
  tokens       $RUN/admin.token (demo-admin), $RUN/evaluator.token, $RUN/wall.token (read-only): --token-file, or GZ_TOKEN
  InfluxDB     influx -port $INFLUX_PORT -database gz -execute 'SELECT * FROM kpi ORDER BY time DESC LIMIT 5'
  MQTT (TLS)   mosquitto_sub -p $MQTT_PORT --cafile $RUN/pki/ca.crt -u gz-ingest-2 -P "\$(sed -n 's/^Broker__Ingest__Password=//p' $RUN/pki/cloud/ingest-2.env)" -t 'gz/v1/+/+/+' -v
  verify       ./gz verify --api $API --token-file $RUN/evaluator.token --site tianhe-01 --device cam-01
  command      ./gz command --api $API --token-file $RUN/admin.token --site yuexiu-03 --device ward-05 --wait config.set Pipeline:DecisionThreshold=0.6
  model        ./gz model sign --key $RUN/pki/programme/programme-key.pem --file models/vitals-classifier.onnx --name vitals-classifier --version 1.1 \\
                 --version-number 2 --pipeline vitals-classification --out $RUN/models --provider-of med-yuexiu-vitals --audit-log $RUN/audit-log.db
               ./gz command --api $API --token-file $RUN/admin.token --site yuexiu-03 --device ward-05 --wait model.update --name vitals-classifier --version 1.1
  audit log    ./gz audit-log --api $API --token-file $RUN/admin.token   (who did what, when, from where; --verify checks the chain)
  audit        ./gz audit --api $API --token-file $RUN/evaluator.token start --scenario traffic-tianhe-flow --testset gz-traffic --wait
               (test sets: ./gz testset list --store $RUN/audits; gz-traffic, gz-inspection, gz-vibration, gz-vitals)
  logs         $RUN/*.log
  report       ./gz report --api $API --token-file $RUN/evaluator.token --last 10m --scenario traffic-tianhe-flow --scenario mfg-huangpu-inspection --scenario med-yuexiu-vitals --out $RUN/report

INFO
watch_args=(watch --api "$API" --token-file "$RUN/wall.token")
[ -n "${GZ_DEMO_SECONDS:-}" ] && watch_args+=(--seconds "$GZ_DEMO_SECONDS")
dotnet "cloud/GzAiEdge.Cli/bin/$CONFIGURATION/net10.0/gz.dll" "${watch_args[@]}" || true
