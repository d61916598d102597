// The device's health from its latest heartbeat, as fact rows: a reading the device did not send shows as "—".
import { formatNumber, t } from '../i18n.js';

const gb = (bytes) => `${formatNumber(bytes / 1e9, 1)} GB`;
const mb = (bytes) => `${formatNumber(bytes / 1e6, 0)} MB`;
const known = (...values) => values.every((v) => v !== null && v !== undefined);

/** [label, text] pairs for the device page; h is the view's `health` (null before the first heartbeat with one). */
export function healthFacts(h) {
  const x = h ?? {};
  const cpu = known(x.cpuProcessPercent, x.cpuSystemPercent)
    ? t('health.cpuValue', { process: formatNumber(x.cpuProcessPercent, 1), system: formatNumber(x.cpuSystemPercent, 1), cores: x.cpuCores ?? '—' })
    : '—';
  const memory = known(x.memoryRssBytes, x.memoryAvailableBytes, x.memoryTotalBytes)
    ? t('health.memoryValue', { rss: mb(x.memoryRssBytes), available: gb(x.memoryAvailableBytes), total: gb(x.memoryTotalBytes) })
    : '—';
  const disk = known(x.diskFreeBytes, x.diskTotalBytes) ? t('health.diskValue', { free: gb(x.diskFreeBytes), total: gb(x.diskTotalBytes) }) : '—';
  const temperatures = Object.entries(x.temperatures ?? {});
  const camera = x.camera
    ? t('health.cameraValue', { state: x.camera.state, fps: formatNumber(x.camera.framesPerSecond, 1), dropped: formatNumber(x.camera.framesDropped, 0) })
    : '—';
  return [
    [t('health.cpu'), cpu],
    [t('health.memory'), memory],
    [t('health.disk'), disk],
    [t('health.temperatures'), temperatures.length === 0 ? '—' : temperatures.map(([name, c]) => `${name} ${formatNumber(c, 1)} °C`).join(', ')],
    [t('health.inference'), known(x.inferencesPerSecond) ? `${formatNumber(x.inferencesPerSecond, 1)} /s` : '—'],
    [t('health.camera'), camera],
  ];
}
