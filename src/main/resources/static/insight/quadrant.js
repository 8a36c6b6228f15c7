// Every city of the region by share × potential, coloured by strategy, with the median lines.
header('城市象限 / City quadrant');
insight('quadrant').then(data => {
  const byStrategy = {};
  for (const city of data.cities) {
    const key = city.strategy || 'NONE';
    (byStrategy[key] = byStrategy[key] || []).push({
      name: city.name, value: [Number(city.marketSize) / 1e8, city.share == null ? 0 : Number(city.share) * 100],
      rangeDropped: city.rangeDropped });
  }
  const series = Object.entries(byStrategy).map(([strategy, points], i) => ({
    name: STRATEGY_LABELS[strategy] || strategy, type: 'scatter', symbolSize: 18, data: points,
    label: { show: true, position: 'right', formatter: p => plain(p.data.name.split(' ')[0] + (p.data.rangeDropped ? '↓' : '')) },
    markLine: i === 0 ? { silent: true, symbol: 'none', lineStyle: { type: 'dashed' }, data: [
      { xAxis: Number(data.medianMarketSize) / 1e8, name: '容量中位数 / median size' },
      { yAxis: Number(data.medianShare) * 100, name: '份额中位数 / median share' }] } : undefined
  }));
  const chart = echarts.init(document.getElementById('chart'));
  chart.setOption({
    title: { text: '份额 × 潜力 / Share × potential', subtext: '数据截至 / data up to ' + data.period + '；↓ 射程降一级 / one level lower by range' },
    grid: { top: 100 },
    tooltip: { ...TOOLTIP, formatter: p => [plain(p.data.name), '容量 / size ' + p.value[0].toFixed(1) + ' 亿',
      '份额 / share ' + p.value[1].toFixed(2) + '%'].join('\n') },
    legend: { bottom: 0 },
    xAxis: { name: '品类市场容量（亿元）/ market size (100M yuan)', nameLocation: 'middle', nameGap: 30, type: 'value' },
    yAxis: { name: '份额 % / share %', type: 'value' },
    series
  });
  document.body.dataset.rendered = 'true';
}).catch(showError);
