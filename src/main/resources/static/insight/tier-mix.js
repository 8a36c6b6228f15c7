// Dealers per tier, this cycle against the last (or ?compareTo=<cycle>), and the dealers that moved.
header('经销商分级 / Dealer tier mix');
insight('tier-mix', params.get('compareTo') ? { compareTo: params.get('compareTo') } : {}).then(data => {
  const mixes = [data.previous, data.current].filter(Boolean);
  const tiers = ['A', 'B', 'C', 'D'];
  echarts.init(document.getElementById('chart')).setOption({
    title: { text: '各等级经销商数 / dealers per tier', subtext: mixes.length > 1 ? '上期与本期 / previous and current cycle' : '本期 / current cycle' },
    grid: { top: 100 }, tooltip: { ...TOOLTIP, trigger: 'axis', formatter: axisTooltip }, legend: { bottom: 0 },
    xAxis: { type: 'category', data: mixes.map((m, i) => (i === mixes.length - 1 ? '本期 / current ' : '上期 / previous ') + m.processInstanceId.slice(0, 8)) },
    yAxis: { type: 'value' },
    series: tiers.map(t => ({ name: t, type: 'bar', stack: 'tiers', label: { show: true }, data: mixes.map(m => m.counts[t]) }))
  });
  const table = document.getElementById('moves');
  for (const move of data.moves) {
    const row = table.insertRow();
    [move.dealerName || '', move.dealerId, move.from || '—', move.to].forEach(v => row.insertCell().textContent = v);
  }
  document.body.dataset.rendered = 'true';
}).catch(showError);
