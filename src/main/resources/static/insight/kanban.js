// The work plan's actions of the region (of one cycle with ?cycle=) as cards by status; the arrows move a card (with the CSRF token of
// the webapp session).
header('看板 / Kanban');
const COLUMNS = [['TODO', '待办 / To do'], ['DOING', '进行中 / Doing'], ['DONE', '完成 / Done'], ['BLOCKED', '受阻 / Blocked']];
const ORDER = COLUMNS.map(c => c[0]);

async function cards() {
  const query = new URLSearchParams();
  query.set('region', region);
  if (cycle) query.set('processInstanceId', cycle);
  const response = await fetch(`/api/workplan/cards?${query}`, { credentials: 'same-origin' });
  return (await check(response)).json();
}

async function move(card, to) {
  const csrf = await (await check(await fetch('/api/session/csrf', { credentials: 'same-origin' }))).json();
  await check(await fetch(`/api/workplan/cards/${encodeURIComponent(card.id)}/move`, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', [csrf.header]: csrf.token },
    body: JSON.stringify({ from: card.status, to, version: card.version }) }));
  await render();
}

function text(tag, className, value) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = value;
  return el;
}

function cardElement(card, status) {
  const el = document.createElement('div');
  el.className = 'card' + (card.overdue ? ' overdue' : '');
  el.dataset.id = card.id;
  el.append(text('div', 'action', card.action),
    text('div', 'meta', `${card.owner} · ${card.due}${card.overdue ? ' · 逾期 / overdue' : ''}`));
  const i = ORDER.indexOf(status);
  for (const [to, arrow] of [[ORDER[i - 1], '←'], [ORDER[i + 1], '→']]) {
    if (!to) continue;
    const button = text('button', null, arrow);
    button.title = to;
    button.dataset.to = to;
    button.addEventListener('click', () => move(card, to).catch(showError));
    el.appendChild(button);
  }
  return el;
}

async function render() {
  const all = await cards();
  const columns = COLUMNS.map(([status, label]) => {
    const column = document.createElement('section');
    column.className = 'column';
    column.dataset.status = status;
    column.appendChild(text('h2', null, label));
    all.filter(c => c.status === status).forEach(card => column.appendChild(cardElement(card, status)));
    return column;
  });
  document.getElementById('board').replaceChildren(...columns);
  document.body.dataset.rendered = 'true';
}
render().catch(showError);
