// Relay's texts in Camunda's webapps (Tasklist scripts, Cockpit plugins). They are looked up in the same translation
// tables as Camunda's own chrome: the locale file the webapp loaded (/camunda/app/<app>/locales/<lang>.json, served by
// Relay with the keys of its bundle i18n/webapps), through the webapp's angular-translate service — so a script or
// plugin shows exactly the language the rest of the screen is in. Relay's forms use the same tables through the
// `translate` filter. Texts are returned as plain strings: callers put them in as textContent, never as HTML.

function translator() {
  const angular = window.angular;
  const injector = angular && angular.element(document.documentElement).injector();
  return injector && injector.has('$translate') ? injector.get('$translate') : null;
}

/** The language the webapp chose (en, de, fr). */
export function language() {
  const translate = translator();
  return (translate && (translate.use() || translate.proposedLanguage())) || 'en';
}

/** Resolves once the webapp's translation table is loaded. */
export function ready() {
  const translate = translator();
  return translate ? Promise.resolve(translate.onReady()) : Promise.resolve();
}

/** The text of a key in the webapp's language, its {placeholders} filled from values. */
export function t(key, values) {
  const translate = translator();
  const text = translate ? translate.instant(key) : key;
  return values ? text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole)) : text;
}

/** Headers for Relay's API: JSON, answered in the webapp's language (catalog labels, reasons). */
export function relayHeaders() {
  return {Accept: 'application/json', 'Accept-Language': language()};
}

// Numbers, amounts and dates as the webapp's language writes them (Intl). English keeps the British forms Relay's
// pages always used ("3 Dec 2026, 14:05", "USD 450,000"); French and German write "450 000 USD" and "450.000 USD".
const INTL_LOCALES = {en: 'en-GB', fr: 'fr-FR', de: 'de-DE'};

/** The Intl locale of the webapp's language. */
export function intlLocale() {
  return INTL_LOCALES[language()] || 'en-GB';
}

/** A number with at most `digits` decimals (none by default): 1,234 · 1 234 · 1.234. */
export function number(value, digits) {
  const options = {maximumFractionDigits: digits || 0};
  if (digits) {
    options.minimumFractionDigits = digits;
  }
  return new Intl.NumberFormat(intlLocale(), options).format(Number(value));
}

/** An amount with its currency's code, whole units: USD 450,000 · 450 000 USD · 450.000 USD. */
export function money(amount, currency) {
  if (amount === null || amount === undefined) {
    return null;
  }
  if (!currency) {
    return number(amount);
  }
  try {
    return new Intl.NumberFormat(intlLocale(), {style: 'currency', currency: currency, currencyDisplay: 'code',
      maximumFractionDigits: 0, minimumFractionDigits: 0}).format(Number(amount));
  } catch (e) {   // a code Intl does not know
    return currency + ' ' + number(amount);
  }
}

/** An instant with date and time: 3 Dec 2026, 14:05 · 3 déc. 2026, 14:05 · 3. Dez. 2026, 14:05. */
export function dateTime(instant) {
  return instant ? new Date(instant).toLocaleString(intlLocale(), {day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit'}) : '';
}

/** A day (an ISO date such as 2026-12-03, or an instant's day): 3 Dec 2026 · 3 déc. 2026 · 3. Dez. 2026. */
export function date(value) {
  if (!value) {
    return '';
  }
  const plainDay = /^\d{4}-\d{2}-\d{2}$/.test(String(value));
  return new Date(value).toLocaleDateString(intlLocale(), Object.assign({day: 'numeric', month: 'short', year: 'numeric'},
    plainDay ? {timeZone: 'UTC'} : {}));
}

/** A time of day: 14:05. */
export function time(instant) {
  return new Date(instant).toLocaleTimeString(intlLocale(), {hour: '2-digit', minute: '2-digit'});
}

/** The text of a key, or `fallback` when the tables have no such key (a code Relay has no words for yet). */
export function tOr(key, fallback, values) {
  const text = t(key, values);
  return text === key ? fallback : text;
}
