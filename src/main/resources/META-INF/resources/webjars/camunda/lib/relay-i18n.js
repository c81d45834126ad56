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
