// Plan and actual by city and month; cities OFF_TRACK in the latest quarterly review in red.
header('计划与实际 / Plan vs actual');
insight('plan-vs-actual', params.get('year') ? { year: params.get('year') } : {}).then(data => {
  const cities = Object.keys(data.achievement);
  const sum = (city, field) => data.months.filter(m => m.cityId === city).reduce((a, m) => a + Number(m[field]), 0);
  const offTrack = new Set(data.offTrack);
  echarts.init(document.getElementById('chart')).setOption({
    title: { text: data.year + ' 全年计划与实际 / plan and actual by city', subtext: '红色：最近一次季度回顾偏离计划 / red: OFF_TRACK in the latest quarterly review' },
    grid: { top: 100 }, tooltip: { ...TOOLTIP, trigger: 'axis', formatter: axisTooltip }, legend: { bottom: 0 },
    xAxis: { type: 'category', data: cities, axisLabel: { formatter: plain, color: c => offTrack.has(c) ? '#c00' : '#333' } },
    yAxis: [{ type: 'value', name: '销量（箱）/ volume (cases)' }, { type: 'value', name: '达成率 % / achievement %' }],
    series: [
      { name: '计划 / plan', type: 'bar', data: cities.map(c => sum(c, 'plan')) },
      { name: '实际 / actual', type: 'bar', data: cities.map(c => ({ value: sum(c, 'actual'), itemStyle: offTrack.has(c) ? { color: '#c00' } : undefined })) },
      { name: '达成率（有实际的月份）/ achievement (months with actuals)', type: 'line', yAxisIndex: 1,
        data: cities.map(c => data.achievement[c] == null ? null : Number(data.achievement[c]) * 100),
        markLine: { data: [{ yAxis: 85, name: 'OFF_TRACK' }, { yAxis: 100, name: 'ON_TRACK' }], symbol: 'none' } }
    ]
  });
  const months = [...Array(12).keys()].map(i => i + 1);
  echarts.init(document.getElementById('months')).setOption({
    title: { text: '按月 / by month (region)' }, grid: { top: 100 }, tooltip: { ...TOOLTIP, trigger: 'axis', formatter: axisTooltip },
    legend: { bottom: 0 }, xAxis: { type: 'category', data: months.map(m => m + ' 月') }, yAxis: { type: 'value' },
    series: ['plan', 'actual'].map(field => ({ name: field === 'plan' ? '计划 / plan' : '实际 / actual', type: 'bar',
      data: months.map(m => data.months.filter(x => x.month === m).reduce((a, x) => a + Number(x[field]), 0)) }))
  });
  document.body.dataset.rendered = 'true';
}).catch(showError);
