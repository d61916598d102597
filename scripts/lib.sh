# Sourced by demo.sh, bench.sh and publish.sh: messages, loopback ports, and the InfluxDB they start.

say() { printf '\033[1;36m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while listening "$p"; do p=$((p + 1)); done; echo "$p"; }

# wait_port PORT NAME PID LOG: returns once PORT listens; exits naming NAME, with the end of its LOG,
# when PID has died or 30 s have passed.
wait_port() {
  for _ in $(seq 300); do
    listening "$1" && return 0
    kill -0 "$3" 2>/dev/null || { echo "$2 exited; its log: $4" >&2; tail -20 "$4" >&2; exit 1; }
    sleep 0.1
  done
  echo "$2 did not listen on $1; its log: $4" >&2; exit 1
}

# start_influxdb DIR HTTP_PORT RPC_PORT LOG: InfluxDB 1.x from the site template with its data under
# DIR, in the background; its PID in INFLUX_PID. The caller records the PID (to stop it) before waiting.
start_influxdb() {
  mkdir -p "$1"
  sed -e "s#@DIR@#$1#g" -e "s#@HTTP_PORT@#$2#g" -e "s#@RPC_PORT@#$3#g" \
    firmware-configs/influxdb/influxdb.conf.template > "$1/influxdb.conf"
  influxd -config "$1/influxdb.conf" > "$4" 2>&1 &
  INFLUX_PID=$!
}
