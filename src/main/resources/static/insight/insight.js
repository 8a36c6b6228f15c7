// Shared by the chart pages: the region and cycle from the address, the data from /api/insight with the
// Tasklist login (session cookie), and a message instead of a chart when something is missing.
const params = new URLSearchParams(location.search);
const region = params.get('region') || 'east';
const cycle = params.get('cycle');

async function insight(path, extra) {
  const query = new URLSearchParams(extra || {});
  if (cycle) query.set('cycle', cycle);
  const response = await fetch(`/api/insight/regions/${encodeURIComponent(region)}/${path}?${query}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    throw new Error('请先登录 Tasklist / please log in to Tasklist first: <a href="/camunda/app/tasklist/">Tasklist</a>');
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error((body.message || response.statusText) + ' (' + response.status + ')');
  }
  return response.json();
}

function showError(error) {
  const box = document.getElementById('message');
  box.innerHTML = error.message;
  box.hidden = false;
}

const PAGES = [['quadrant', '城市象限 / Quadrant'], ['plan-vs-actual', '计划与实际 / Plan vs actual'],
  ['tier-mix', '经销商分级 / Tier mix'], ['kanban', '看板 / Kanban']];

/** The page header: title, region and the links to the other pages (for the same region). */
function header(title) {
  document.title = title + ' · RegionPlan';
  const bar = document.querySelector('header');
  bar.innerHTML = '<h1></h1><span>区域 / Region: <b></b></span><nav></nav>';
  bar.querySelector('h1').textContent = title;
  bar.querySelector('b').textContent = region;
  for (const [page, label] of PAGES) {
    const link = document.createElement('a');
    link.href = page + '.html?region=' + encodeURIComponent(region);
    link.textContent = label;
    bar.querySelector('nav').appendChild(link);
  }
}

const STRATEGY_LABELS = {
  BASE_CAMP: '大本营 / Base camp', THREE_POINTS_ATTACK_ONE: '三点攻一点 / Three points attack one',
  BREAKTHROUGH: '突破 / Breakthrough', MAINTAIN: '稳固 / Maintain', MUSHROOM_PICKING: '采蘑菇 / Mushroom picking',
  NEW_MARKET: '新市场 / New market'
};
