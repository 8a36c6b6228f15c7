// Shared by the pages: the region and cycle from the address, the data from /api with the Tasklist login
// (session cookie), and a message instead of a chart when something is missing. Data and messages become
// text nodes only (textContent, createElement): never HTML. The pages' Content-Security-Policy allows no
// inline script or style, so everything lives in these files.
const params = new URLSearchParams(location.search);
const region = params.get('region') || 'east';
const cycle = params.get('cycle');

/** A failed request: its message is shown as text; {@code login} adds the link to Tasklist. */
class PageError extends Error {
  constructor(message, login) {
    super(message);
    this.login = login;
  }
}

/** Throws a PageError for a failed answer: the API's message (as text) and the status. */
async function check(response) {
  if (response.status === 401) {
    throw new PageError('请先登录 Tasklist / please log in to Tasklist first: ', true);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new PageError(String(body.message || response.statusText) + ' (' + response.status + ')', false);
  }
  return response;
}

async function insight(path, extra) {
  const query = new URLSearchParams(extra || {});
  if (cycle) query.set('processInstanceId', cycle);
  const response = await fetch(`/api/insight/regions/${encodeURIComponent(region)}/${path}?${query}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return (await check(response)).json();
}

function showError(error) {
  const box = document.getElementById('message');
  box.replaceChildren(document.createTextNode(String(error.message)));
  if (error.login) {
    const link = document.createElement('a');
    link.href = '/camunda/app/tasklist/';
    link.textContent = 'Tasklist';
    box.appendChild(link);
  }
  box.hidden = false;
  document.body.dataset.rendered = 'error';
}

const PAGES = [['quadrant', '城市象限 / Quadrant'], ['plan-vs-actual', '计划与实际 / Plan vs actual'],
  ['tier-mix', '经销商分级 / Tier mix'], ['kanban', '看板 / Kanban']];

/** The page header: title, region and the links to the other pages (for the same region). */
function header(title) {
  document.title = title + ' · RegionPlan';
  const bar = document.querySelector('header');
  const h1 = document.createElement('h1');
  h1.textContent = title;
  const label = document.createElement('span');
  const name = document.createElement('b');
  name.id = 'region';
  name.textContent = region;
  label.append('区域 / Region: ', name);
  const nav = document.createElement('nav');
  for (const [page, text] of PAGES) {
    const link = document.createElement('a');
    link.href = page + '.html?region=' + encodeURIComponent(region);
    link.textContent = text;
    nav.appendChild(link);
  }
  bar.replaceChildren(h1, label, nav);
}

/**
 * Text for ECharts' rich text (labels, and tooltips, which the pages draw in the canvas with renderMode
 * 'richText' rather than as HTML): '{name|' would start a rich-text style, so a zero-width space keeps
 * data such as a city name from being read as one.
 */
function plain(value) {
  return String(value).replace(/\{(?=[A-Za-z0-9_]+\|)/g, '{\u200b');
}

/** Tooltips drawn by ECharts in the canvas: no HTML, whatever a formatter or the data contains. */
const TOOLTIP = { renderMode: 'richText' };

/** An axis tooltip's text: the category, then one line per series. */
function axisTooltip(items) {
  const list = Array.isArray(items) ? items : [items];
  const lines = [plain(list[0].axisValueLabel)];
  for (const item of list) {
    const value = Array.isArray(item.value) ? item.value[item.value.length - 1] : item.value;
    lines.push(plain(item.seriesName) + ': ' + (value == null ? '—' : Number(value).toLocaleString('zh-CN')));
  }
  return lines.join('\n');
}

const STRATEGY_LABELS = {
  BASE_CAMP: '大本营 / Base camp', THREE_POINTS_ATTACK_ONE: '三点攻一点 / Three points attack one',
  BREAKTHROUGH: '突破 / Breakthrough', MAINTAIN: '稳固 / Maintain', MUSHROOM_PICKING: '采蘑菇 / Mushroom picking',
  NEW_MARKET: '新市场 / New market'
};
