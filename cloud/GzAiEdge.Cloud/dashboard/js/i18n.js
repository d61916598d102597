// Labels in Chinese (the default) and English; the choice is kept in localStorage. KPI labels are not here: they
// come from the KPI catalogue (loadKpiCatalogue), the one place each KPI key is defined.
import { getJson } from './api.js';

const texts = {
  zh: {
    'app.title': 'GzAiEdge 典型场景监测',
    'nav.overview': '总览', 'nav.alerts': '告警',
    'live.open': '实时', 'live.connecting': '连接中', 'live.closed': '已断开',
    'lang.switch': 'English',
    'overview.scenarios': '场景', 'overview.devicesOnline': '在线设备', 'overview.activeAlerts': '活动告警',
    'overview.programme': '典型场景总览',
    'sector.traffic': '智慧交通', 'sector.manufacturing': '智能制造', 'sector.medical': '智慧医疗', 'sector.city': '智慧城市',
    'status.ok': '正常', 'status.alert': '告警', 'status.offline': '离线', 'status.no-data': '无数据',
    'state.online': '在线', 'state.offline': '离线', 'state.unknown': '未知',
    'scenario.kpis': '实时指标', 'scenario.devices': '设备', 'scenario.alerts': '告警', 'scenario.type': '场景类型',
    'scenario.lastReport': '最近上报', 'scenario.noDevices': '尚无设备上报', 'scenario.completeness': '完整率',
    'chart.threshold': '阈值', 'chart.target': '目标',
    'device.site': '站点', 'device.device': '设备', 'device.state': '状态', 'device.heartbeat': '最近心跳',
    'device.model': '模型', 'device.outbox': '待发队列', 'device.uptime': '运行时长', 'device.lastSeq': '最新序号',
    'device.scenario': '场景', 'device.latest': '最新指标', 'device.events': '最近事件', 'device.noEvents': '暂无事件',
    'device.since': '状态时间', 'device.unknownDevice': '未知设备', 'device.health': '设备健康',
    'health.cpu': 'CPU', 'health.cpuValue': '进程 {process} %，系统 {system} %（{cores} 核）',
    'health.memory': '内存', 'health.memoryValue': '进程 {rss}，可用 {available} / 共 {total}',
    'health.disk': '磁盘（状态目录）', 'health.diskValue': '可用 {free} / 共 {total}',
    'health.temperatures': '温度', 'health.inference': '推理速率',
    'health.camera': '摄像头', 'health.cameraValue': '{state}，{fps} 帧/秒，丢帧 {dropped}',
    'device.kpi': '指标', 'device.value': '数值', 'device.time': '时间', 'device.level': '级别', 'device.code': '代码', 'device.message': '内容',
    'alerts.title': '告警', 'alerts.what': '告警内容', 'alerts.none': '暂无告警', 'alerts.activeOnly': '仅显示活动告警', 'alerts.ack': '确认',
    'alerts.acked': '已确认', 'alerts.resolved': '已恢复', 'alerts.active': '活动', 'alerts.raised': '触发时间',
    'alerts.kpi': '{kpi} = {value}，{side}阈值 {threshold}', 'alerts.above': '高于', 'alerts.below': '低于',
    'alerts.offline': '设备离线超过 {threshold} 秒', 'alerts.completeness': '数据完整率 {value} 低于 {threshold}',
    'alerts.quota': '设备发送超出配额，超出的消息已转入死信',
    'common.loading': '加载中…', 'common.error': '加载失败：', 'common.notFound': '未找到', 'common.back': '返回总览',
  },
  en: {
    'app.title': 'GzAiEdge scenario monitor',
    'nav.overview': 'Overview', 'nav.alerts': 'Alerts',
    'live.open': 'Live', 'live.connecting': 'Connecting', 'live.closed': 'Disconnected',
    'lang.switch': '中文',
    'overview.scenarios': 'Scenarios', 'overview.devicesOnline': 'Devices online', 'overview.activeAlerts': 'Active alerts',
    'overview.programme': 'Programme overview',
    'sector.traffic': 'Smart traffic', 'sector.manufacturing': 'Smart manufacturing', 'sector.medical': 'Smart medical', 'sector.city': 'Smart city',
    'status.ok': 'OK', 'status.alert': 'Alert', 'status.offline': 'Offline', 'status.no-data': 'No data',
    'state.online': 'Online', 'state.offline': 'Offline', 'state.unknown': 'Unknown',
    'scenario.kpis': 'Live KPIs', 'scenario.devices': 'Devices', 'scenario.alerts': 'Alerts', 'scenario.type': 'Scenario type',
    'scenario.lastReport': 'Last report', 'scenario.noDevices': 'No device has reported yet', 'scenario.completeness': 'Completeness',
    'chart.threshold': 'Threshold', 'chart.target': 'Target',
    'device.site': 'Site', 'device.device': 'Device', 'device.state': 'State', 'device.heartbeat': 'Last heartbeat',
    'device.model': 'Model', 'device.outbox': 'Outbox', 'device.uptime': 'Uptime', 'device.lastSeq': 'Last seq',
    'device.scenario': 'Scenario', 'device.latest': 'Latest KPIs', 'device.events': 'Recent events', 'device.noEvents': 'No events yet',
    'device.since': 'State since', 'device.unknownDevice': 'Unknown device', 'device.health': 'Health',
    'health.cpu': 'CPU', 'health.cpuValue': 'process {process} %, system {system} % ({cores} cores)',
    'health.memory': 'Memory', 'health.memoryValue': 'process {rss}, {available} available of {total}',
    'health.disk': 'Disk (state directory)', 'health.diskValue': '{free} free of {total}',
    'health.temperatures': 'Temperatures', 'health.inference': 'Inference rate',
    'health.camera': 'Camera', 'health.cameraValue': '{state}, {fps} fps, {dropped} dropped',
    'device.kpi': 'KPI', 'device.value': 'Value', 'device.time': 'Time', 'device.level': 'Level', 'device.code': 'Code', 'device.message': 'Message',
    'alerts.title': 'Alerts', 'alerts.what': 'Alert', 'alerts.none': 'No alerts', 'alerts.activeOnly': 'Active alerts only', 'alerts.ack': 'Acknowledge',
    'alerts.acked': 'Acknowledged', 'alerts.resolved': 'Resolved', 'alerts.active': 'Active', 'alerts.raised': 'Raised',
    'alerts.kpi': '{kpi} = {value}, {side} threshold {threshold}', 'alerts.above': 'above', 'alerts.below': 'below',
    'alerts.offline': 'Device offline for more than {threshold} s', 'alerts.completeness': 'Completeness {value} below {threshold}',
    'alerts.quota': 'Device over its quota; the messages over it are dead-lettered',
    'common.loading': 'Loading…', 'common.error': 'Could not load: ', 'common.notFound': 'Not found', 'common.back': 'Back to overview',
  },
};

let lang = localStorage.getItem('gz.lang') === 'en' ? 'en' : 'zh';
const listeners = [];

export const currentLang = () => lang;

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  localStorage.setItem('gz.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((f) => f(lang));
}

export const onLangChange = (f) => listeners.push(f);

/** A label, with {name} placeholders filled from values; unknown keys show as themselves. */
export function t(key, values = {}) {
  const text = texts[lang][key] ?? texts.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

let kpis = new Map();

/** Loads the KPI catalogue (key, unit, labels, kind) once, before the first page is drawn. */
export async function loadKpiCatalogue() {
  kpis = new Map((await getJson('/api/v1/kpis/catalogue')).map((k) => [k.key, k]));
}

/** A KPI's label from the catalogue with its unit, e.g. "平均血氧（%）" or "Mean SpO2 (%)"; its key when the catalogue has none. */
export function kpiLabel(key) {
  const kpi = kpis.get(key);
  if (!kpi) return key;
  const label = lang === 'zh' ? kpi.labelZh : kpi.labelEn;
  if (!kpi.unit) return label;
  return lang === 'zh' ? `${label}（${kpi.unit}）` : `${label} (${kpi.unit})`;
}

/** The scenario's name in the current language. */
export const scenarioName = (s) => (lang === 'zh' ? s.nameZh : s.nameEn);

/** Fills every element carrying data-i18n under root. */
export function applyLabels(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
}

const locale = () => (lang === 'zh' ? 'zh-CN' : 'en-GB');

export const formatTime = (iso) => (iso ? new Date(iso).toLocaleString(locale(), { hour12: false }) : '—');

export function formatNumber(value, digits = 2) {
  if (value === null || value === undefined) return '—';
  return Number(value).toLocaleString(locale(), { maximumFractionDigits: digits });
}

/** Seconds as "42 s", "17 min" or "5.2 h". */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  return `${formatNumber(seconds / 3600, 1)} h`;
}

export const formatPercent = (value) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`);
