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
    'sector.traffic': '智慧交通', 'sector.manufacturing': '智能制造', 'sector.medical': '智慧医疗', 'sector.city': '智慧城市', 'sector.energy': '能源环保',
    'status.ok': '正常', 'status.alert': '告警', 'status.offline': '离线', 'status.no-data': '无数据',
    'state.online': '在线', 'state.offline': '离线', 'state.unknown': '未知',
    'scenario.kpis': '实时指标', 'scenario.devices': '设备', 'scenario.alerts': '告警', 'scenario.type': '场景类型',
    'scenario.scored': '评分指标', 'scenario.audits': '审计', 'scenario.monitoring': '监测指标（不计分）',
    'scenario.reported': '设备上报的服务与诊断指标（诊断指标不计分）', 'scenario.noCharts': '所列设备尚未上报此类指标',
    'score.eligible': '合格', 'score.provisional': '暂定', 'score.ineligible': '不合格', 'score.missing': '缺失', 'score.period': '评估期',
    'score.requirement': '运行要求', 'score.kpi': '指标', 'score.kind': '类别', 'score.value': '实测 [95% 区间]', 'score.weight': '权重', 'score.points': '得分',
    'kind.monitoring': '监测', 'kind.service': '服务', 'kind.accuracy': '准确性', 'kind.diagnostic': '诊断', 'kind.outcome': '成效',
    'truth.audit': '审计', 'truth.field-audit': '现场抽检', 'truth.later-truth': '事后真值',
    'audit.none': '评估期内无有效审计：准确性指标计 0 分，结果暂定', 'audit.testSet': '测试集', 'audit.date': '审计时间', 'audit.model': '模型',
    'audit.metrics': '指标 [95% 区间]', 'audit.flags': '完整性标记', 'audit.passed': '通过', 'audit.failed': '未通过', 'audit.unchecked': '未能核验',
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
    'nav.leaderboard': '排行榜', 'board.title': '排行榜（草稿，未发布）', 'board.rank': '名次', 'board.scenario': '场景', 'board.sector': '领域',
    'board.score': '得分 [区间]', 'board.status': '状态', 'board.ties': '并列与入选', 'board.statisticalTie': '统计并列', 'board.selected': '入选',
    'board.rule': '排序：无门槛失败的场景按得分降序；同分按完整率降序，再按场景编号。得分区间重叠者标为统计并列：二者的先后只取决于点估计。',
    'board.benchmarks': '年度标杆场景', 'board.benchmarkRule': '先取每个领域排名最高的合格场景，再按排名补足；与落选场景并列时，按得分、完整率、场景编号决定，并在此说明。',
    'nav.tokens': 'API 令牌', 'nav.audit': '审计日志', 'user.signout': '退出',
    'signin.title': '登录 GzAiEdge', 'signin.user': '用户名', 'signin.password': '密码', 'signin.submit': '登录',
    'signin.failed': '登录失败：用户名或密码错误，或账号暂被锁定', 'signin.tooMany': '尝试次数过多，请一分钟后再试',
    'signin.sso': '通过 {name} 统一身份认证登录', 'signin.ssoFailed': '统一身份认证登录失败，请重试', 'signin.ssoRefused': '统一身份认证账号在 GzAiEdge 中没有角色或已停用',
    'tokens.title': 'API 令牌', 'tokens.about': '脚本与命令行（GZ_TOKEN 或 --token-file）使用的个人令牌，权限与本账号相同。',
    'tokens.name': '用途', 'tokens.namePlaceholder': '例如：值班看板', 'tokens.days': '有效天数', 'tokens.create': '创建令牌',
    'tokens.once': '请立即复制此令牌，它只显示这一次：', 'tokens.none': '暂无令牌', 'tokens.id': '编号', 'tokens.created': '创建时间',
    'tokens.expires': '到期时间', 'tokens.revoke': '吊销', 'tokens.revoked': '已吊销',
    'audit.title': '审计日志', 'audit.intact': '哈希链完整：共 {n} 条记录', 'audit.broken': '哈希链在第 {seq} 条断开：{problem}',
    'nav.labelling': '抽检标注', 'label.title': '现场抽检标注', 'label.item': '标注样本',
    'label.who': '仅限评估人员（评估员与管理员）。每条标注记录标注人与时间；评估结果发布前，提供方看不到任何标注。',
    'label.refused': '此页面仅限评估人员使用（{error}）', 'label.scenario': '场景', 'label.all': '全部场景',
    'label.progress': '你已标注 {done} 条，已收到 {received} 条', 'label.start': '开始标注', 'label.queueDone': '队列已完成：已收到的样本你都已标注',
    'label.items': '抽检样本', 'label.id': '样本', 'label.device': '设备', 'label.seq': '序号', 'label.pipeline': '流水线', 'label.stratum': '分层',
    'label.state': '状态', 'label.labels': '标注人数', 'label.open': '标注', 'stratum.positive': '阳性', 'stratum.negative': '阴性',
    'label.agreement': '评估人员间一致性', 'label.labelled': '已标注样本', 'label.double': '双人标注', 'label.kappa': 'Cohen κ',
    'label.boxAgreement': '框一致率（IoU ≥ 0.5）', 'label.meanIou': '匹配框平均 IoU', 'label.noAgreement': '尚无双人标注的样本',
    'label.window': '窗口', 'label.report': '报告哈希', 'label.deviceBoxes': '设备输出：{n} 个框（阈值 {threshold}）；虚线为设备原框',
    'label.deviceDecision': '设备判定：{cls}（得分 {score}）', 'label.deviceAnomaly': '设备判定：{verdict}（重构误差 {error}，阈值 {threshold}）',
    'label.anomalyYes': '异常', 'label.anomalyNo': '正常', 'label.classes': '类别', 'label.trueClass': '真实类别', 'label.isAnomaly': '是否异常',
    'label.note': '备注（可选）', 'label.confirm': '确认并下一条', 'label.skip': '跳过', 'label.saved': '已保存：{who}，{time}',
    'label.yours': '你已于 {time} 标注过此样本；再次提交将替换', 'label.shortcuts': '快捷键', 'key.enter': '确认标注，进入下一条',
    'key.n': '跳过，进入下一条', 'key.d': '删除选中的框', 'key.digits': '选择类别：选中框的类别、新框的类别、真实类别或是否异常',
    'key.esc': '取消选中', 'key.mouse': '鼠标', 'key.draw': '在图上拖动画新框；拖动框移动它；点击框选中它', 'label.channel': '通道 {n}', 'label.time': '时间（秒）',
    'audit.time': '时间', 'audit.actor': '操作者', 'audit.action': '操作', 'audit.target': '对象', 'audit.outcome': '结果', 'audit.from': '来源', 'audit.details': '详情',
  },
  en: {
    'app.title': 'GzAiEdge scenario monitor',
    'nav.overview': 'Overview', 'nav.alerts': 'Alerts',
    'live.open': 'Live', 'live.connecting': 'Connecting', 'live.closed': 'Disconnected',
    'lang.switch': '中文',
    'overview.scenarios': 'Scenarios', 'overview.devicesOnline': 'Devices online', 'overview.activeAlerts': 'Active alerts',
    'overview.programme': 'Programme overview',
    'sector.traffic': 'Smart traffic', 'sector.manufacturing': 'Smart manufacturing', 'sector.medical': 'Smart medical', 'sector.city': 'Smart city', 'sector.energy': 'Energy and environment',
    'status.ok': 'OK', 'status.alert': 'Alert', 'status.offline': 'Offline', 'status.no-data': 'No data',
    'state.online': 'Online', 'state.offline': 'Offline', 'state.unknown': 'Unknown',
    'scenario.kpis': 'Live KPIs', 'scenario.devices': 'Devices', 'scenario.alerts': 'Alerts', 'scenario.type': 'Scenario type',
    'scenario.scored': 'Scored KPIs', 'scenario.audits': 'Audits', 'scenario.monitoring': 'Monitoring KPIs (not scored)',
    'scenario.reported': 'Device-reported service and diagnostic KPIs (diagnostic ones are not scored)', 'scenario.noCharts': 'No listed device has reported such a KPI yet',
    'score.eligible': 'Eligible', 'score.provisional': 'Provisional', 'score.ineligible': 'Ineligible', 'score.missing': 'missing', 'score.period': 'Period',
    'score.requirement': 'Requirement', 'score.kpi': 'KPI', 'score.kind': 'Kind', 'score.value': 'Value [95% interval]', 'score.weight': 'Weight', 'score.points': 'Points',
    'kind.monitoring': 'monitoring', 'kind.service': 'service', 'kind.accuracy': 'accuracy', 'kind.diagnostic': 'diagnostic', 'kind.outcome': 'outcome',
    'truth.audit': 'audit', 'truth.field-audit': 'field audit', 'truth.later-truth': 'later truth',
    'audit.none': 'No valid audit in the period: accuracy KPIs count 0 and the result is provisional', 'audit.testSet': 'Test set', 'audit.date': 'Audited',
    'audit.model': 'Model', 'audit.metrics': 'Metrics [95% interval]', 'audit.flags': 'Integrity flags', 'audit.passed': 'passed', 'audit.failed': 'failed',
    'audit.unchecked': 'not checked',
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
    'nav.leaderboard': 'Leaderboard', 'board.title': 'Leaderboard (draft, not published)', 'board.rank': 'Rank', 'board.scenario': 'Scenario', 'board.sector': 'Sector',
    'board.score': 'Score [interval]', 'board.status': 'Status', 'board.ties': 'Ties and selection', 'board.statisticalTie': 'Statistical tie', 'board.selected': 'Selected',
    'board.rule': 'Order: eligible scenarios (no failed gate) by score; equal scores by completeness, then scenario id. Places whose score intervals overlap are marked statistical ties: the order between them rests on the point scores alone.',
    'board.benchmarks': 'Benchmark scenarios', 'board.benchmarkRule': 'The best eligible scenario of each sector first, then the next best by rank; where a place was tied with one left out, the tie was broken by score, completeness, then scenario id, and the place says so.',
    'nav.tokens': 'API tokens', 'nav.audit': 'Audit log', 'user.signout': 'Sign out',
    'signin.title': 'Sign in to GzAiEdge', 'signin.user': 'User name', 'signin.password': 'Password', 'signin.submit': 'Sign in',
    'signin.failed': 'Sign-in failed: wrong user name or password, or the account is locked for a while', 'signin.tooMany': 'Too many attempts; try again in a minute',
    'signin.sso': 'Sign in with {name}', 'signin.ssoFailed': 'Single sign-on failed; try again', 'signin.ssoRefused': 'Your single sign-on account has no role in GzAiEdge, or is disabled',
    'tokens.title': 'API tokens', 'tokens.about': 'Personal tokens for scripts and the command line (GZ_TOKEN or --token-file); they act with this account\'s roles.',
    'tokens.name': 'Purpose', 'tokens.namePlaceholder': 'e.g. wall display', 'tokens.days': 'Days valid', 'tokens.create': 'Create token',
    'tokens.once': 'Copy this token now; it is shown only this once:', 'tokens.none': 'No tokens yet', 'tokens.id': 'Id', 'tokens.created': 'Created',
    'tokens.expires': 'Expires', 'tokens.revoke': 'Revoke', 'tokens.revoked': 'Revoked',
    'audit.title': 'Audit log', 'audit.intact': 'Hash chain intact: {n} entries', 'audit.broken': 'Hash chain broken at entry {seq}: {problem}',
    'nav.labelling': 'Labelling', 'label.title': 'Field-audit labelling', 'label.item': 'Label a sample',
    'label.who': 'For evaluators only (evaluators and admins). Each label is stored with who gave it and when; providers see no label before the results are published.',
    'label.refused': 'This page is for evaluators only ({error})', 'label.scenario': 'Scenario', 'label.all': 'All scenarios',
    'label.progress': 'You labelled {done} of {received} received', 'label.start': 'Start labelling', 'label.queueDone': 'Queue done: you have labelled every received sample',
    'label.items': 'Sampled items', 'label.id': 'Item', 'label.device': 'Device', 'label.seq': 'Seq', 'label.pipeline': 'Pipeline', 'label.stratum': 'Stratum',
    'label.state': 'State', 'label.labels': 'Labels', 'label.open': 'Label', 'stratum.positive': 'positive', 'stratum.negative': 'negative',
    'label.agreement': 'Agreement between evaluators', 'label.labelled': 'Labelled items', 'label.double': 'Doubly labelled', 'label.kappa': 'Cohen\'s κ',
    'label.boxAgreement': 'Box agreement (IoU ≥ 0.5)', 'label.meanIou': 'Mean IoU of matched boxes', 'label.noAgreement': 'No item is doubly labelled yet',
    'label.window': 'Window', 'label.report': 'Report hash', 'label.deviceBoxes': 'Device output: {n} boxes (threshold {threshold}); dashed: the device\'s own boxes',
    'label.deviceDecision': 'Device decided: {cls} (score {score})', 'label.deviceAnomaly': 'Device decided: {verdict} (reconstruction error {error}, threshold {threshold})',
    'label.anomalyYes': 'anomaly', 'label.anomalyNo': 'normal', 'label.classes': 'Classes', 'label.trueClass': 'True class', 'label.isAnomaly': 'Anomaly?',
    'label.note': 'Note (optional)', 'label.confirm': 'Confirm and next', 'label.skip': 'Skip', 'label.saved': 'Saved: {who}, {time}',
    'label.yours': 'You labelled this sample at {time}; submitting again replaces it', 'label.shortcuts': 'Keyboard shortcuts', 'key.enter': 'confirm the label, go to the next',
    'key.n': 'skip, go to the next', 'key.d': 'delete the selected box', 'key.digits': 'pick a class: the selected box\'s, new boxes\', the true class, or anomaly no/yes',
    'key.esc': 'deselect', 'key.mouse': 'Mouse', 'key.draw': 'drag on the frame to draw a box; drag a box to move it; click a box to select it', 'label.channel': 'Channel {n}', 'label.time': 'Time (s)',
    'audit.time': 'Time', 'audit.actor': 'Who', 'audit.action': 'Action', 'audit.target': 'Target', 'audit.outcome': 'Outcome', 'audit.from': 'From', 'audit.details': 'Details',
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

/** A KPI's kind from the catalogue (monitoring, service, accuracy, diagnostic, outcome); null when the catalogue has no such key. */
export const kpiKind = (key) => kpis.get(key)?.kind ?? null;

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
