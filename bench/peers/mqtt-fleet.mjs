// The peer of `./gz bench fleet`: simulated devices in one Node.js process with MQTT.js, one connection each, doing
// what a GzAiEdge fleet device does: MQTT 5 persistent session, retained "offline" state as the last will and
// "online" on connect, a KPI report per window (windows aligned to the epoch; 13 KPIs; seq and prev chained by
// SHA-256; ECDSA P-256 signature) at QoS 1, a signed checkpoint every 60 reports, heartbeats at QoS 0.
// Usage: node --expose-gc mqtt-fleet.mjs --port P --devices N --window-seconds W --heartbeat-seconds H
//   --stats-seconds S --duration-seconds D
// Prints JSON stats lines with the same names as gz fleet --json (seconds counted from the first connect; the heap is
// V8's used heap plus the memory of Buffers, which lives outside it, after a full collection).
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';
import { cpuSeconds } from './proc-stat.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const count = Number(args.devices);
const windowMs = Number(args['window-seconds']) * 1000;
const heartbeatMs = Number(args['heartbeat-seconds']) * 1000;
const kpiNames = ['samples', 'vehicle_count', 'vehicle_flow_per_hour', 'mean_speed_kmh', 'pedestrian_count', 'detection_precision',
  'detection_recall', 'inference_p50_ms', 'inference_p95_ms', 'inference_p99_ms', 'inferences_per_s', 'mean_vehicles_per_frame', 'max_vehicles_per_frame'];
let started = Date.now();
const counters = { connected: 0, connectRetries: 0, reports: 0, acknowledged: 0, unrouted: 0, failed: 0, checkpoints: 0, heartbeats: 0 };

function device(index) {
  const site = `site-${index % 100}`;
  const id = `peer-${String(index + 1).padStart(5, '0')}`;
  const topic = (kind) => `gz/v1/${site}/${id}/${kind}`;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const state = (s) => JSON.stringify({ v: 1, site, device: id, state: s, time: new Date().toISOString() });
  const client = mqtt.connect({
    host: '127.0.0.1', port: Number(args.port), protocolVersion: 5, clientId: `gz-${site}-${id}`, clean: false, keepalive: 30,
    properties: { sessionExpiryInterval: 24 * 3600 }, reconnectPeriod: 1000, manualConnect: true,
    will: { topic: topic('state'), payload: Buffer.from(state('offline')), qos: 1, retain: true },
  });
  let connected = false;
  client.on('connect', () => {
    if (!connected) counters.connected++;
    connected = true;
    client.publish(topic('state'), state('online'), { qos: 1, retain: true });
  });
  client.on('close', () => {
    if (connected) counters.connected--;
    connected = false;
  });
  client.on('error', () => counters.connectRetries++);
  let seq = 0;
  let prev = '0'.repeat(64);
  const signed = (message) => {
    const bytes = Buffer.from(JSON.stringify(message));
    return { ...message, sig: sign('sha256', bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64') };
  };
  return {
    client,
    report(windowStart, windowEnd) {
      const kpis = Object.fromEntries(kpiNames.map((k) => [k, Math.round(Math.random() * 1e6) / 1e3]));
      const report = signed({ v: 1, site, device: id, scenario: 'traffic-tianhe-flow', seq: ++seq, windowStart, windowEnd, kpis, prev, kid: id });
      const payload = JSON.stringify(report);
      prev = createHash('sha256').update(payload).digest('hex');
      counters.reports++;
      client.publish(topic('kpi'), payload, { qos: 1 }, (error, packet) => {
        if (error) counters.failed++;
        else if (packet?.reasonCode === 16) counters.unrouted++;
        else counters.acknowledged++;
      });
      if (seq % 60 === 0) {
        counters.checkpoints++;
        client.publish(topic('checkpoint'), JSON.stringify(signed({ v: 1, site, device: id, time: windowEnd, seq, head: prev, kid: id })), { qos: 1 });
      }
    },
    stop() {
      return new Promise((resolve) => client.publish(topic('state'), state('offline'), { qos: 1, retain: true }, () => client.end(false, resolve)));
    },
    heartbeat() {
      if (!connected) return;
      counters.heartbeats++;
      const uptimeSeconds = Math.floor((Date.now() - started) / 1000);
      client.publish(topic('heartbeat'), JSON.stringify({ v: 1, site, device: id, time: new Date().toISOString(), uptimeSeconds, lastSeq: seq }), { qos: 0 });
    },
  };
}

// The CPU time of the collection made for the heap figure is left out, as gz fleet leaves out its own.
let collectingSeconds = 0;
function stats() {
  const before = cpuSeconds();
  global.gc?.();
  collectingSeconds += cpuSeconds() - before;
  const status = readFileSync('/proc/self/status', 'utf8');
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) * 1024;
  const memory = process.memoryUsage();
  console.log(JSON.stringify({ seconds: (Date.now() - started) / 1000, devices: count, ...counters, rssBytes: memory.rss, peakRssBytes: peak,
    managedHeapBytes: memory.heapUsed + memory.external, cpuSeconds: cpuSeconds() - collectingSeconds }));
}

const devices = Array.from({ length: count }, (_, i) => device(i));
started = Date.now();
for (let next = 0; next < count; next += 64) {
  const batch = devices.slice(next, next + 64);
  await Promise.all(batch.map((d) => new Promise((resolve) => {
    d.client.once('connect', resolve);
    d.client.connect();
  })));
}
stats();

const statsTimer = setInterval(stats, Number(args['stats-seconds']) * 1000);
const heartbeatTimer = setInterval(() => devices.forEach((d) => d.heartbeat()), heartbeatMs);
let windowEnd = Math.ceil(Date.now() / windowMs) * windowMs;
const closeWindows = () => {
  const start = new Date(windowEnd - windowMs).toISOString();
  const end = new Date(windowEnd).toISOString();
  devices.forEach((d) => d.report(start, end));
  windowEnd += windowMs;
  windowTimer = setTimeout(closeWindows, windowEnd - Date.now());
};
let windowTimer = setTimeout(closeWindows, windowEnd - Date.now());

setTimeout(async () => {
  clearInterval(heartbeatTimer);
  clearTimeout(windowTimer);
  await Promise.all(devices.map((d) => d.stop()));
  clearInterval(statsTimer);
  stats();
  process.exit(0);
}, Number(args['duration-seconds']) * 1000);
