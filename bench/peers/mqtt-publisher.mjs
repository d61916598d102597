// The peer of `./gz bench publish`: MQTT.js publishing pre-built KPI reports at QoS 1 on one connection, as many
// in flight as the broker's receive maximum allows (read from its CONNACK), the next one sent as each PUBACK
// comes. Usage: node mqtt-publisher.mjs --port P --payloads FILE (lines: topic<TAB>payload); prints one JSON line:
// {"messages":N,"seconds":S,"cpuSeconds":C,"window":W} measured from the first publish to the last PUBACK.
import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';
import { cpuSeconds } from './proc-stat.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const messages = readFileSync(args.payloads, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => {
  const tab = l.indexOf('\t');
  return [l.slice(0, tab), Buffer.from(l.slice(tab + 1))];
});

const client = mqtt.connect({ host: '127.0.0.1', port: Number(args.port), protocolVersion: 5, clientId: `peer-publisher-${process.pid}`, clean: true });
client.on('error', (error) => {
  console.error(`mqtt: ${error.message}`);
  process.exit(1);
});
client.once('connect', (connack) => {
  const window = connack.properties?.receiveMaximum ?? 65535;
  const cpuStart = cpuSeconds();
  const start = process.hrtime.bigint();
  let sent = 0;
  let acknowledged = 0;
  const next = () => {
    const [topic, payload] = messages[sent++];
    client.publish(topic, payload, { qos: 1 }, (error) => {
      if (error && error.code !== 16) {
        console.error(`publish failed: ${error.message}`);
        process.exit(1);
      }
      if (++acknowledged === messages.length) {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        console.log(JSON.stringify({ messages: messages.length, seconds, cpuSeconds: cpuSeconds() - cpuStart, window }));
        client.end(true, () => process.exit(0));
      } else if (sent < messages.length) {
        next();
      }
    });
  };
  for (let i = 0; i < Math.min(window, messages.length); i++) next();
});
