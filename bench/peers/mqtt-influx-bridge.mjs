// The peer of `./gz bench ingest` and `scaleout`: an MQTT -> InfluxDB bridge in Node.js with MQTT.js, the way
// a competent user writes one. Subscribes to the same shared subscription at QoS 1 with a persistent session
// (MQTT 5, clean start off, a week's session expiry, the receive maximum GzAiEdge ingestion is given), parses
// each KPI report, builds the same line-protocol point (measurement kpi, tags device/scenario/sector/site, the
// same fields, time = windowEnd) and writes batches (5000 points or 200 ms, one write in flight, retried until
// InfluxDB takes it) to /write over a keep-alive connection.
//
// --ack receipt (the default): MQTT.js acknowledges each message as it arrives, before its batch is written;
//   a crash loses what was acknowledged but not yet written.
// --ack after-write: customHandleAcks holds each PUBACK until the batch holding the message was written, the
//   guarantee GzAiEdge gives. MQTT.js handles incoming packets one at a time and takes the next only after the
//   previous one's acknowledgement callback ran, so held acknowledgements hold the whole connection: each
//   batch is one message (measured in docs/benchmarks.md).
//
// Differences from GzAiEdge, which does more: `hash` is SHA-256 of the bytes as they arrived (GzAiEdge rebuilds
// the canonical bytes and hashes those), and the only validation is JSON.parse and the fields the point needs.
// Usage: node mqtt-influx-bridge.mjs --port P --influx http://127.0.0.1:8086 --db D --client-id C --sectors F.json
//   [--ack receipt|after-write] [--receive-maximum N]
// Prints "subscribed" once subscribed, and {"stored":N,"batches":B} on SIGTERM before it exits.
import http from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const batchSize = 5000;
const flushMs = 200;
const ackAfterWrite = args.ack === 'after-write';
const sectors = JSON.parse(readFileSync(args.sectors, 'utf8'));
const influx = new URL(args.influx);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const writePath = `/write?db=${encodeURIComponent(args.db)}&precision=ns`;

let lines = [];
let acks = [];
let timer = null;
let writing = false;
let stored = 0;
let batches = 0;

const tag = (v) => String(v).replace(/[,= ]/g, (c) => `\\${c}`);
const str = (v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`;

// RFC 3339 time to nanoseconds since the epoch, exactly (a Number holds only microseconds at this range).
function nanoseconds(text) {
  const match = /^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  const seconds = BigInt(Date.parse(`${match[1]}${match[3]}`) / 1000);
  return (seconds * 1000000000n + BigInt((match[2] ?? '').padEnd(9, '0').slice(0, 9))).toString();
}

function toLine(payload) {
  const r = JSON.parse(payload);
  const sector = sectors[r.scenario];
  if (sector === undefined || typeof r.seq !== 'number' || !r.kpis) {
    return null;
  }
  let fields = `seq=${r.seq}i,window_start_ns=${nanoseconds(r.windowStart)}i,hash="${createHash('sha256').update(payload).digest('hex')}"`;
  for (const key of ['prev', 'kid', 'sig']) {
    if (r[key] !== undefined) fields += `,${key}=${str(r[key])}`;
  }
  if (r.model) {
    fields += `,model_name=${str(r.model.name)},model_version=${str(r.model.version)},model_sha256=${str(r.model.sha256)}`;
  }
  for (const [name, value] of Object.entries(r.kpis)) {
    fields += `,${tag(name)}=${value}`;
  }
  if (r.model) {
    fields += `,model=${str(`${r.model.name}@${r.model.version}`)}`;
  }
  return `kpi,device=${tag(r.device)},scenario=${tag(r.scenario)},sector=${tag(sector)},site=${tag(r.site)} ${fields} ${nanoseconds(r.windowEnd)}`;
}

function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: influx.hostname, port: influx.port, path: writePath, method: 'POST', agent,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 204 ? resolve() : reject(new Error(`InfluxDB answered ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function flush() {
  clearTimeout(timer);
  timer = null;
  if (writing || lines.length === 0) return;
  writing = true;
  const batch = lines.splice(0, batchSize);
  const done = acks.splice(0, batch.length);
  for (let delay = 250; ; delay = Math.min(delay * 2, 30000)) {
    try {
      await post(batch.join('\n'));
      break;
    } catch (error) {
      console.error(`write failed (${error.message}); retrying in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  stored += batch.length;
  batches++;
  for (const ack of done) ack(null, 0);
  writing = false;
  if (lines.length >= batchSize) flush();
  else if (lines.length > 0) timer = setTimeout(flush, flushMs);
}

// Queues the message's point; false when there is none to store (not a KPI report of a known scenario).
function receive(topic, payload) {
  const line = topic.endsWith('/kpi') ? toLine(payload) : null;
  if (line === null) {
    console.error(`not stored: ${topic} is not a KPI report of a known scenario`);
    return false;
  }
  lines.push(line);
  if (lines.length >= batchSize) flush();
  else if (timer === null) timer = setTimeout(flush, flushMs);
  return true;
}

const client = mqtt.connect({
  host: '127.0.0.1', port: Number(args.port), protocolVersion: 5, clientId: args['client-id'], clean: false,
  properties: { sessionExpiryInterval: 7 * 24 * 3600, receiveMaximum: Number(args['receive-maximum'] ?? 10000) }, reconnectPeriod: 500,
  ...(ackAfterWrite ? {
    customHandleAcks: (topic, payload, packet, ack) => {
      if (receive(topic, payload)) acks.push(ack);
      else ack(null, 0);
    },
  } : {}),
});
if (!ackAfterWrite) client.on('message', receive);
client.on('connect', () => client.subscribe('$share/gz-ingest/gz/v1/+/+/+', { qos: 1 }, (error) => {
  if (error) {
    console.error(`subscribe failed: ${error.message}`);
    process.exit(1);
  }
  console.log('subscribed');
}));
client.on('error', (error) => console.error(`mqtt: ${error.message}`));
process.on('SIGTERM', () => {
  console.log(JSON.stringify({ stored, batches }));
  client.end(true, () => process.exit(0));
});
