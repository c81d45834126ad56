// Relay dashboard for Camunda Cockpit (dashboard plugin point): the funnel, SLA breaches and speed, top referrers
// and step durations of the last twelve months, drawn with ECharts from Relay's report API (/api/reports).
// Every chart links to the matching process instances in Cockpit or to the report's CSV.

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.min.js';
let echartsLoading;

function loadECharts() {
  if (window.echarts) {
    return Promise.resolve(window.echarts);
  }
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = ECHARTS;
      script.onload = () => resolve(window.echarts);
      script.onerror = () => reject(new Error('ECharts could not be loaded from ' + ECHARTS));
      document.head.appendChild(script);
    });
  }
  return echartsLoading;
}

function report(name, query) {
  return fetch('/api/reports/' + name + (query ? '?' + query : ''), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => {
      if (!response.ok) {
        throw new Error(name + ' report: HTTP ' + response.status);
      }
      return response.json();
    });
}

// ECharts inserts what a tooltip formatter returns as HTML: every value put into it goes through escapeHtml, names
// included (a partner referrer's name is whatever the referral said). Everything else is set as textContent.
const HTML_ESCAPES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;'};

function escapeHtml(value) {
  return String(value === null || value === undefined ? '' : value).replace(/[&<>"'`]/g, c => HTML_ESCAPES[c]);
}

// One tooltip line "name: value", escaped; ECharts' default tooltips are not relied upon.
function tip(name, value) {
  return escapeHtml(name) + ': ' + escapeHtml(value);
}

function text(tag, className, content) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  element.textContent = content;
  return element;
}

function link(href, label) {
  const a = text('a', null, label);
  a.href = href;
  return a;
}

function card(grid, id, title, links) {
  const box = document.createElement('div');
  box.className = 'relay-card';
  box.id = id;
  box.appendChild(text('h4', null, title));
  const chart = document.createElement('div');
  chart.className = 'relay-chart';
  box.appendChild(chart);
  const footer = document.createElement('div');
  footer.className = 'relay-links';
  links.forEach((l, i) => {
    if (i > 0) {
      footer.appendChild(document.createTextNode(' · '));
    }
    footer.appendChild(link(l[0], l[1]));
  });
  box.appendChild(footer);
  grid.appendChild(box);
  return chart;
}

// Cockpit hands render() a node before it is in the page: charts are sized once it is laid out, and follow resizes.
function whenLaidOut(element) {
  return new Promise(resolve => {
    const check = () => (element.isConnected && element.clientWidth > 0) ? resolve() : setTimeout(check, 50);
    check();
  });
}

function chartIn(echarts, element) {
  const chart = echarts.init(element, null, {width: element.clientWidth, height: element.clientHeight || 280});
  if (window.ResizeObserver) {
    new ResizeObserver(() => chart.resize({width: element.clientWidth, height: element.clientHeight || 280})).observe(element);
  }
  return chart;
}

function lifecycleLink(definitionLink, activityId) {
  return definitionLink ? definitionLink + (activityId ? '?activityIds=' + activityId : '') : '#/processes';
}

function render(node) {
  const root = document.createElement('section');
  root.className = 'relay-dashboard';
  root.appendChild(text('h3', null, 'Relay referrals'));
  root.appendChild(text('div', 'relay-note', 'Last twelve months, all lines of business. Click a bar to open the matching process instances.'));
  const grid = document.createElement('div');
  grid.className = 'relay-grid';
  root.appendChild(grid);
  node.appendChild(root);

  Promise.all([loadECharts(), report('funnel'), report('speed'), report('referrers', 'limit=10'), report('steps'),
               whenLaidOut(grid)])
    .then(([echarts, funnel, speed, referrers, steps]) => {
      const definitionLink = steps.rows.length && steps.rows[0].cockpitLink ? steps.rows[0].cockpitLink.split('?')[0] : null;
      const stageActivity = {Assigned: 'Task_ReviewReferral', Accepted: 'Task_WorkReferral'};

      const funnelChart = chartIn(echarts, card(grid, 'relay-funnel', 'Funnel: created → assigned → accepted → converted',
        [[lifecycleLink(definitionLink, 'Task_ReviewReferral'), 'waiting for review'],
         [lifecycleLink(definitionLink, 'Task_WorkReferral'), 'being worked'],
         ['/api/reports/funnel?format=csv', 'CSV']]));
      const total = key => funnel.rows.reduce((sum, row) => sum + row[key], 0);
      funnelChart.setOption({
        tooltip: {trigger: 'item', formatter: p => tip(p.name, p.value)},
        series: [{type: 'funnel', sort: 'descending', left: '4%', width: '58%', label: {formatter: '{b}: {c}'},
          data: [['Created', total('created')], ['Assigned', total('assigned')], ['Accepted', total('accepted')],
                 ['Converted', total('converted')]].map(([name, value]) => ({name, value}))}]
      });
      funnelChart.on('click', params => {
        window.location.href = lifecycleLink(definitionLink, stageActivity[params.name]);
      });

      const s = speed.rows[0];
      const slaChart = chartIn(echarts, card(grid, 'relay-sla', 'SLA breaches, escalations and follow-up',
        [[lifecycleLink(definitionLink, 'Task_ReviewReferral'), 'open reviews'], ['/api/reports/speed?format=csv', 'CSV']]));
      slaChart.setOption({
        tooltip: {formatter: p => tip(p.name, p.value)},
        xAxis: {type: 'category', data: ['SLA breaches', 'Escalations', 'Never followed up', 'Acted within 1 h']},
        yAxis: {type: 'value'},
        series: [{type: 'bar', data: [s.slaBreaches, s.escalations, s.neverFollowedUp, s.actedWithinHour], label: {show: true, position: 'top'}}]
      });
      slaChart.on('click', () => { window.location.href = lifecycleLink(definitionLink, 'Task_ReviewReferral'); });

      const referrerChart = chartIn(echarts, card(grid, 'relay-referrers', 'Top referrers by referrer score',
        [['/api/referrers/top', 'leaderboard (JSON)'], ['/api/reports/referrers?format=csv', 'CSV']]));
      const top = referrers.rows.slice().reverse();
      referrerChart.setOption({
        tooltip: {formatter: p => {
          const r = top[p.dataIndex];
          return tip(r.name || r.referrerId, 'score ' + p.value + ', ' + r.converted + ' of ' + r.referrals + ' converted');
        }},
        grid: {left: 110},
        xAxis: {type: 'value', max: 100},
        yAxis: {type: 'category', axisLabel: {interval: 0}, data: top.map(r => r.name || r.referrerId)},
        series: [{type: 'bar', data: top.map(r => r.referrerScore), label: {show: true, position: 'right'}}]
      });
      referrerChart.on('click', () => { window.location.href = lifecycleLink(definitionLink, null); });

      const stepChart = chartIn(echarts, card(grid, 'relay-steps', 'Step durations (minutes): median and p90',
        [[lifecycleLink(definitionLink, null), 'lifecycle in Cockpit'], ['/api/reports/steps?format=csv', 'CSV']]));
      const slow = steps.rows.slice(0, 8).reverse();
      stepChart.setOption({
        tooltip: {trigger: 'axis', formatter: params => escapeHtml(params[0].name) + '<br>'
          + params.map(p => tip(p.seriesName, p.value)).join('<br>')},
        legend: {data: ['median', 'p90']},
        grid: {left: 150},
        xAxis: {type: 'value'},
        yAxis: {type: 'category', axisLabel: {interval: 0}, data: slow.map(r => r.name || r.activityId)},
        series: [{name: 'median', type: 'bar', data: slow.map(r => r.medianMinutes)},
                 {name: 'p90', type: 'bar', data: slow.map(r => r.p90Minutes)}]
      });
      stepChart.on('click', params => { window.location.href = slow[params.dataIndex].cockpitLink; });
      root.setAttribute('data-relay-rendered', 'true');
    })
    .catch(error => {
      root.appendChild(text('div', 'relay-error', 'The Relay dashboard could not load: ' + error.message));
    });
}

export default [{
  id: 'relay.dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: render,
  properties: {label: 'Relay referrals'}
}];
