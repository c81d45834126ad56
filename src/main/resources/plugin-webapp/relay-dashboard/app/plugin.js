// Relay dashboard for Camunda Cockpit (dashboard plugin point): the funnel, SLA breaches and speed, top referrers
// and step durations of the last twelve months, drawn with ECharts from Relay's report API (/api/reports).
// A click on a bar opens Relay's referral list (plugin relay-referrals, #/relay/referrals?report=…) with the bar's
// referrals, which it reads from /api/reports/{report}/referrals with the same filters: finished referrals included.
// Texts are keys of i18n/webapps (webapps.cockpit.dashboard.…) in Cockpit's language, numbers and dates formatted for it.

import {date as formatDate, number, relayHeaders, t, time} from '/camunda/lib/relay-i18n.js';

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
  return fetch('/api/reports/' + name + (query ? '?' + query : ''), {credentials: 'same-origin', headers: relayHeaders()})
    .then(response => {
      if (!response.ok) {
        throw new Error(name + ' report: HTTP ' + response.status);
      }
      return response.json();
    });
}

// Relay's other read APIs the dashboard names things with (channel labels, colleagues' names); a failure leaves codes.
function readJson(path) {
  return fetch(path, {credentials: 'same-origin', headers: relayHeaders()})
    .then(response => response.ok ? response.json() : null)
    .catch(() => null);
}

function colleagueNames(ids) {
  const wanted = ids.filter(id => id).slice(0, 100);
  if (!wanted.length) {
    return Promise.resolve({});
  }
  return readJson('/api/users?' + wanted.map(id => 'id=' + encodeURIComponent(id)).join('&'))
    .then(list => Object.fromEntries((list || []).map(c => [c.userId, c.name])));
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

// The filters a report was drawn with (its answer says them), as query parameters for its drill-down.
const FILTERS = ['from', 'to', 'queue', 'product', 'source', 'recordType', 'lineOfBusiness'];

function filterParams(report) {
  const params = new URLSearchParams();
  FILTERS.forEach(name => {
    const value = report.filter && report.filter[name];
    if (value !== null && value !== undefined && value !== '') {
      params.set(name, value);
    }
  });
  return params;
}

// Relay's referral list page for one bar (the shared contract with the relay-referrals plugin).
function referralsLink(report, name, bar, title) {
  const params = new URLSearchParams({report: name, title: title});
  Object.entries(bar).forEach(([key, value]) => params.set(key, value));
  filterParams(report).forEach((value, key) => params.set(key, value));
  return '#/relay/referrals?' + params.toString();
}

// Hours to first contact as people say them: minutes under an hour, hours under two days, then days.
function hoursText(hours) {
  if (hours === null || hours === undefined) {
    return '–';
  }
  if (hours < 1) {
    return t('webapps.cockpit.dashboard.duration.minutes', {value: number(hours * 60)});
  }
  if (hours < 48) {
    return t('webapps.cockpit.dashboard.duration.hours', {value: hours < 10 ? number(hours, 1) : number(hours)});
  }
  return t('webapps.cockpit.dashboard.duration.days', {value: number(hours / 24, 1)});
}

// The speed report's first-contact texts, in one place (the report's notes say the same in its JSON). Getters: the
// texts are looked up when shown, once Cockpit's translations are loaded (the module is loaded before them).
const FIRST_CONTACT = {
  get windows() {
    return [['Hour', t('webapps.cockpit.dashboard.firstContact.withinHour'), t('webapps.cockpit.dashboard.firstContact.notWithinHour')],
            ['BusinessDay', t('webapps.cockpit.dashboard.firstContact.withinBusinessDay'),
              t('webapps.cockpit.dashboard.firstContact.notWithinBusinessDay')]];
  },
  rates: (row) => t('webapps.cockpit.dashboard.firstContact.rates', {hourShare: percent(row.reachedWithinHour, row.referrals),
    hour: number(row.reachedWithinHour), referrals: number(row.referrals),
    dayShare: percent(row.reachedWithinBusinessDay, row.referrals), day: number(row.reachedWithinBusinessDay),
    median: hoursText(row.medianHoursToFirstContact), p90: hoursText(row.p90HoursToFirstContact)}),
  explained: (row) => t('webapps.cockpit.dashboard.firstContact.explained', {notContacted: number(row.referrals - row.contacted)}),
  get bySource() {
    return t('webapps.cockpit.dashboard.firstContact.bySource');
  },
  get byRecipient() {
    return t('webapps.cockpit.dashboard.firstContact.byRecipient');
  },
  get nobody() {
    return t('webapps.cockpit.dashboard.firstContact.nobody');
  },
  axis: (row) => t('webapps.cockpit.dashboard.firstContact.axis', {median: hoursText(row.medianHoursToFirstContact),
    p90: hoursText(row.p90HoursToFirstContact)}),
  hint: (row, span, reached) => t('webapps.cockpit.dashboard.firstContact.hint', {reached: number(reached),
    referrals: number(row.referrals), span: span[1], share: percent(reached, row.referrals),
    notReached: number(row.referrals - reached)})
};

// One first-contact chart: a category per channel or recipient (most referrals on top), a bar per time window with the
// share reached; a click lists that category's referrals not reached in that window.
function firstContactChart(echarts, element, rows, nameOf, barLink) {
  const shown = rows.slice().reverse();
  element.style.height = Math.max(220, 70 + 46 * shown.length) + 'px';
  const chart = chartIn(echarts, element);
  chart.setOption({
    tooltip: {formatter: p => {
      const row = shown[p.dataIndex];
      const span = FIRST_CONTACT.windows[p.seriesIndex];
      return escapeHtml(nameOf(row)) + '<br>' + escapeHtml(FIRST_CONTACT.hint(row, span, row['reachedWithin' + span[0]]))
        + '<br>' + escapeHtml(t('webapps.cockpit.dashboard.firstContact.timeToFirstContact', {axis: FIRST_CONTACT.axis(row)}));
    }},
    legend: {data: FIRST_CONTACT.windows.map(w => w[1])},
    grid: {left: 8, right: 50, top: 30, bottom: 24, containLabel: true},
    xAxis: {type: 'value', max: 100, axisLabel: {formatter: percentText}},
    yAxis: {type: 'category', axisLabel: {interval: 0, lineHeight: 14},
      data: shown.map(row => nameOf(row) + '\n' + FIRST_CONTACT.axis(row))},
    series: FIRST_CONTACT.windows.map(span => ({name: span[1], type: 'bar', barMaxWidth: 16,
      data: shown.map(row => row.referrals ? Math.round(100 * row['reachedWithin' + span[0]] / row.referrals) : 0),
      label: {show: true, position: 'right', formatter: percentLabel}}))
  });
  chart.on('click', params => {
    const link = barLink(shown[params.dataIndex], FIRST_CONTACT.windows[params.seriesIndex]);
    if (link) {
      window.location.hash = link.substring(1);
    }
  });
  return chart;
}

function period(report) {
  return t('webapps.cockpit.dashboard.period', {from: formatDate(report.filter.from), to: formatDate(report.filter.to)});
}

// a share as the language writes it (50% · 50 %), for the first-contact charts' axis and bar labels (plain text)
function percentText(value) {
  return t('webapps.cockpit.dashboard.percent', {value: number(value)});
}

function percentLabel(params) {
  return percentText(params.value);
}

function percent(part, whole) {
  return whole ? t('webapps.cockpit.dashboard.percent', {value: number(100 * part / whole)}) : '–';
}

// Axis labels on up to three short lines, so that every bar keeps its label (ECharts drops labels that collide).
function wrapWords(label) {
  const lines = [];
  String(label).split(' ').forEach(word => {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= 12) {
      lines[last] += ' ' + word;
    } else {
      lines.push(word);
    }
  });
  return lines.join('\n');
}

// A duration unit that shows the real values of a chart: seconds, minutes, hours or days, by its longest bar.
function durationUnit(maxSeconds) {
  if (maxSeconds < 120) {
    return {name: t('webapps.cockpit.dashboard.unit.seconds'), seconds: 1};
  }
  if (maxSeconds < 2 * 3600) {
    return {name: t('webapps.cockpit.dashboard.unit.minutes'), seconds: 60};
  }
  if (maxSeconds < 3 * 86400) {
    return {name: t('webapps.cockpit.dashboard.unit.hours'), seconds: 3600};
  }
  return {name: t('webapps.cockpit.dashboard.unit.days'), seconds: 86400};
}

function inUnit(seconds, unit) {
  if (seconds === null || seconds === undefined) {
    return null;
  }
  const value = seconds / unit.seconds;
  return Number(value >= 10 ? value.toFixed(0) : value.toPrecision(2));
}

// Where Cockpit renders a dashboard plugin (its "Custom plugins" section, below Camunda's own boxes whatever the
// plugin's priority: pages/dashboard.js of Camunda 7.24), the dashboard moves to the top of the page; the then empty
// section is hidden. Cockpit removes the page, and the dashboard with it, when the user navigates away.
function placeFirst(node, root) {
  const page = node.closest('.dashboard');
  if (!page) {
    return;
  }
  page.querySelectorAll(':scope > .relay-dashboard').forEach(old => old.remove());
  page.insertBefore(root, page.firstChild);
  const section = node.closest('section.deprecate');
  if (section && section.querySelectorAll('.deprecate-dashboard-view').length === 1) {
    section.style.display = 'none';
  }
}

function whenConnected(element) {
  return new Promise(resolve => {
    const check = () => element.isConnected ? resolve() : setTimeout(check, 20);
    check();
  });
}

function asOf(report) {
  const match = /as of (\S+?)(;|$)/.exec(report.basis || '');
  return match ? t('webapps.cockpit.dashboard.asOf', {time: time(match[1])}) : t('webapps.cockpit.dashboard.asOfNow');
}

function render(node) {
  const root = document.createElement('section');
  root.className = 'relay-dashboard';
  root.appendChild(text('h3', null, t('webapps.cockpit.dashboard.title')));
  const note = root.appendChild(text('div', 'relay-note', t('webapps.cockpit.dashboard.loading')));
  const grid = document.createElement('div');
  grid.className = 'relay-grid';
  root.appendChild(grid);
  node.appendChild(root);

  whenConnected(node).then(() => placeFirst(node, root)).then(() =>
  Promise.all([loadECharts(), report('funnel'), report('speed'), report('referrers', 'limit=10'), report('steps'),
               readJson('/api/catalog'), whenLaidOut(grid)]))
    .then(([echarts, funnel, speed, referrers, steps, catalog]) =>
      colleagueNames(((speed.breakdowns || {}).firstContactByRecipient || []).map(row => row.recipient))
        .then(names => [echarts, funnel, speed, referrers, steps, catalog, names]))
    .then(([echarts, funnel, speed, referrers, steps, catalog, names]) => {
      const scope = funnel.filter.managedQueues ? t('webapps.cockpit.dashboard.scope.yours', {queues: funnel.filter.managedQueues.join(', ')})
        : t('webapps.cockpit.dashboard.scope.all');
      note.textContent = t('webapps.cockpit.dashboard.note', {period: period(funnel), scope: scope, asOf: asOf(funnel)});
      const open = (link) => { window.location.hash = link.substring(1); };

      // the funnel: each stage with its share of created and of the stage before; lost and open below it
      const total = key => funnel.rows.reduce((sum, row) => sum + row[key], 0);
      const stages = [['created', t('webapps.cockpit.dashboard.stage.created')], ['assigned', t('webapps.cockpit.dashboard.stage.assigned')],
        ['accepted', t('webapps.cockpit.dashboard.stage.accepted')], ['converted', t('webapps.cockpit.dashboard.stage.converted')]]
        .map(([key, name], i, all) => ({key, name, value: total(key), created: total('created'),
          previous: i > 0 ? total(all[i - 1][0]) : null}));
      const created = total('created');
      const stageLink = (key, name) => referralsLink(funnel, 'funnel', {stage: key},
        t('webapps.cockpit.dashboard.drill.stage', {name: name, period: period(funnel)}));
      const funnelBox = card(grid, 'relay-funnel', t('webapps.cockpit.dashboard.funnel.title'),
        [[stageLink('closedLost', t('webapps.cockpit.dashboard.stage.closedLost')),
          t('webapps.cockpit.dashboard.funnel.closedLost', {count: number(total('closedLost'))})],
         [stageLink('open', t('webapps.cockpit.dashboard.stage.open')),
          t('webapps.cockpit.dashboard.funnel.open', {count: number(total('open'))})],
         ['/api/reports/funnel?format=csv', t('webapps.cockpit.dashboard.csv')]]);
      funnelBox.parentNode.insertBefore(text('div', 'relay-rates', t('webapps.cockpit.dashboard.funnel.rates',
        {conversion: percent(total('converted'), created),
          winRate: percent(total('converted'), total('converted') + total('closedLost'))})),
        funnelBox);
      const funnelChart = chartIn(echarts, funnelBox);
      funnelChart.setOption({
        tooltip: {trigger: 'item', formatter: p => tip(p.name, number(p.value) + ' (' + stageRates(p.data) + ')')},
        series: [{type: 'funnel', sort: 'none', left: '2%', width: '46%', minSize: '12%', gap: 2,
          label: {position: 'right', formatter: stageLabel, color: '#333', lineHeight: 16},
          labelLine: {show: true}, data: stages}]
      });
      funnelChart.on('click', params => open(stageLink(params.data.key, params.name)));

      // SLA and follow-up: four counts, each a list of referrals
      const s = speed.rows[0];
      const measures = [['slaBreaches', t('webapps.cockpit.dashboard.sla.slaBreaches')],
                        ['escalations', t('webapps.cockpit.dashboard.sla.escalations')],
                        ['neverFollowedUp', t('webapps.cockpit.dashboard.sla.neverFollowedUp')],
                        ['actedWithinHour', t('webapps.cockpit.dashboard.sla.actedWithinHour')]];
      const measureLink = (key, name) => referralsLink(speed, 'speed', {measure: key},
        t('webapps.cockpit.dashboard.drill.created', {name: name, period: period(speed)}));
      const slaChart = chartIn(echarts, card(grid, 'relay-sla', t('webapps.cockpit.dashboard.sla.title'),
        [['/api/reports/speed?format=csv', t('webapps.cockpit.dashboard.csv')]]));
      slaChart.setOption({
        tooltip: {formatter: p => tip(p.name, t('webapps.cockpit.dashboard.sla.tooltip', {count: number(p.value), referrals: number(s.referrals)}))},
        grid: {left: 40, right: 10, bottom: 50},
        xAxis: {type: 'category', axisLabel: {interval: 0, formatter: wrapWords, lineHeight: 14},
          data: measures.map(m => m[1])},
        yAxis: {type: 'value', minInterval: 1},
        series: [{type: 'bar', barMaxWidth: 48, data: measures.map(m => s[m[0]]), label: {show: true, position: 'top'}}]
      });
      slaChart.on('click', params => open(measureLink(measures[params.dataIndex][0], measures[params.dataIndex][1])));

      // first contact: how soon customers were reached, per channel and per recipient; a bar lists those not reached
      const channelLabels = Object.fromEntries(((catalog && catalog.sourceChannels) || []).map(c => [c.code, c.label]));
      const breakdowns = speed.breakdowns || {};
      const notReached = (span, more, who) => referralsLink(speed, 'speed',
        Object.assign({measure: 'notReachedWithin' + span[0]}, more),
        t('webapps.cockpit.dashboard.drill.created', {name: span[2] + (who ? ': ' + who : ''), period: period(speed)}));
      const sourceName = row => channelLabels[row.source] || row.source;
      const recipientName = row => row.recipient ? (names[row.recipient] || row.recipient) : FIRST_CONTACT.nobody;
      [['relay-first-contact-source', FIRST_CONTACT.bySource, breakdowns.firstContactBySource || [], sourceName,
        (row, span) => notReached(span, {source: row.source}, sourceName(row))],
       ['relay-first-contact-recipient', FIRST_CONTACT.byRecipient, breakdowns.firstContactByRecipient || [], recipientName,
        (row, span) => row.recipient ? notReached(span, {recipient: row.recipient}, recipientName(row)) : null]]
        .forEach(([id, title, rows, nameOf, barLink]) => {
          const overall = id === 'relay-first-contact-source' ? FIRST_CONTACT.windows.map(span =>
            [notReached(span, {}), t('webapps.cockpit.dashboard.firstContact.notReachedCount.' + span[0],
              {count: number(s['notReachedWithin' + span[0]])})]) : [];
          const box = card(grid, id, title, overall.concat([['/api/reports/speed?format=csv', t('webapps.cockpit.dashboard.csv')]]));
          box.parentNode.insertBefore(text('div', 'relay-rates', id === 'relay-first-contact-source'
            ? FIRST_CONTACT.rates(s) : FIRST_CONTACT.explained(s)), box);
          firstContactChart(echarts, box, rows, nameOf, barLink);
        });

      const referrerChart = chartIn(echarts, card(grid, 'relay-referrers', t('webapps.cockpit.dashboard.referrers.title'),
        [['/api/referrers/top', t('webapps.cockpit.dashboard.referrers.leaderboard')],
         ['/api/reports/referrers?format=csv', t('webapps.cockpit.dashboard.csv')]]));
      const top = referrers.rows.slice().reverse();
      referrerChart.setOption({
        tooltip: {formatter: p => {
          const r = top[p.dataIndex];
          return tip(r.name || r.referrerId, t('webapps.cockpit.dashboard.referrers.tooltip',
            {score: number(p.value), converted: number(r.converted), referrals: number(r.referrals)}));
        }},
        grid: {left: 110},
        xAxis: {type: 'value', max: 100},
        yAxis: {type: 'category', axisLabel: {interval: 0}, data: top.map(r => r.name || r.referrerId)},
        series: [{type: 'bar', data: top.map(r => r.referrerScore), label: {show: true, position: 'right'}}]
      });
      referrerChart.on('click', params => {
        const r = top[params.dataIndex];
        open(referralsLink(referrers, 'referrers', {referrer: r.referrerId},
          t('webapps.cockpit.dashboard.drill.referrer', {name: r.name || r.referrerId, period: period(referrers)})));
      });

      // the steps people take (the automatic ones take milliseconds), in a unit that shows their real durations
      const people = steps.rows.filter(r => r.person).reverse();
      const automatic = steps.rows.filter(r => !r.person);
      const unit = durationUnit(Math.max(1, ...people.map(r => r.p90Seconds || 0)));
      const slowestAutomatic = automatic.reduce((max, r) => Math.max(max, r.medianSeconds || 0), 0);
      const stepBox = card(grid, 'relay-steps', t('webapps.cockpit.dashboard.steps.title', {unit: unit.name}),
        [[lifecycleLink(steps.rows.length && steps.rows[0].cockpitLink ? steps.rows[0].cockpitLink.split('?')[0] : null, null),
          t('webapps.cockpit.dashboard.steps.lifecycle')], ['/api/reports/steps?format=csv', t('webapps.cockpit.dashboard.csv')]]);
      stepBox.parentNode.insertBefore(text('div', 'relay-rates', automatic.length
        ? t('webapps.cockpit.dashboard.steps.automatic', {count: number(automatic.length), duration: slowestAutomatic < 1
          ? t('webapps.cockpit.dashboard.steps.underASecond')
          : t('webapps.cockpit.dashboard.steps.atMost', {seconds: number(slowestAutomatic, slowestAutomatic < 10 ? 1 : 0)})})
        : t('webapps.cockpit.dashboard.steps.people')), stepBox);
      const stepChart = chartIn(echarts, stepBox);
      stepChart.setOption({
        tooltip: {trigger: 'axis', formatter: params => escapeHtml(params[0].name) + '<br>'
          + params.map(p => tip(p.seriesName, number(p.value, p.value < 10 && p.value % 1 ? 1 : 0) + ' ' + unit.name)).join('<br>')},
        legend: {data: [t('webapps.cockpit.dashboard.steps.median'), t('webapps.cockpit.dashboard.steps.p90')]},
        grid: {left: 120, right: 40},
        xAxis: {type: 'value', name: unit.name, nameLocation: 'middle', nameGap: 24},
        yAxis: {type: 'category', axisLabel: {interval: 0}, data: people.map(r => r.name)},
        series: [{name: t('webapps.cockpit.dashboard.steps.median'), type: 'bar', data: people.map(r => inUnit(r.medianSeconds, unit)),
                  label: {show: true, position: 'right'}},
                 {name: t('webapps.cockpit.dashboard.steps.p90'), type: 'bar', data: people.map(r => inUnit(r.p90Seconds, unit)),
                  label: {show: true, position: 'right'}}]
      });
      stepChart.on('click', params => { window.location.href = people[params.dataIndex].cockpitLink; });
      return rewardsCard(grid);
    })
    .then(() => {
      root.setAttribute('data-relay-rendered', 'true');
    })
    .catch(error => {
      root.appendChild(text('div', 'relay-error', t('webapps.cockpit.dashboard.loadFailed', {error: error.message})));
    });
}

// Rewards earned and paid per unit (points, each currency), from the reward ledger (org.relay.rewards, issue #29);
// texts in the user's language from the rewards bundle. Only the reward programme's managers get the card.
function rewardsCard(grid) {
  return Promise.all([readJson('/api/rewards/totals'), readJson('/api/rewards/texts')]).then(([totals, words]) => {
    if (!totals || !words) {
      return;
    }
    const box = card(grid, 'relay-rewards', words['rewards.dashboard.title'], [['/api/rewards?status=APPROVED', 'JSON']]);
    box.className = 'relay-table';
    if (!totals.length) {
      box.appendChild(text('p', null, words['rewards.dashboard.none']));
      return;
    }
    const table = document.createElement('table');
    table.className = 'table table-condensed';
    const head = document.createElement('tr');
    ['', words['rewards.dashboard.earned'], words['rewards.dashboard.paid']].forEach(h => head.appendChild(text('th', null, h)));
    table.appendChild(head);
    totals.forEach(line => {
      const row = document.createElement('tr');
      row.appendChild(text('td', null, line.unit === 'points' ? (words['rewards.form.points'] || '{0}').replace('{0} ', '') : line.unit));
      row.appendChild(text('td', null, number(Number(line.earned), line.unit === 'points' ? 0 : 2)));
      row.appendChild(text('td', null, number(Number(line.paid), line.unit === 'points' ? 0 : 2)));
      table.appendChild(row);
    });
    box.appendChild(table);
  });
}

// A funnel stage's rates: share of created and of the stage before.
function stageRates(stage) {
  return stage.previous === null ? t('webapps.cockpit.dashboard.stage.allOfCreated', {share: percent(1, 1)})
    : t('webapps.cockpit.dashboard.stage.rates', {ofCreated: percent(stage.value, stage.created),
      ofPrevious: percent(stage.value, stage.previous)});
}

function stageLabel(params) {
  return t('webapps.cockpit.dashboard.stage.label', {name: params.name, count: number(params.value)})
    + (params.data.previous === null ? '' : '\n' + stageRates(params.data));
}

export default [{
  id: 'relay.dashboard',
  pluginPoint: 'cockpit.dashboard',
  // first among the custom dashboard plugins; placeFirst() puts it above Camunda's own sections
  priority: 100,
  render: render,
  properties: {label: 'webapps.cockpit.dashboard.title'}   // Cockpit shows a plugin's label through its translate filter
}];
