// Camunda the welcome page configuration for Relay: Camunda's defaults plus the languages Relay offers. The locale files
// (locales/<lang>.json) are Relay's (org.relay.webapplocale): Camunda's chrome, French added, with Relay's own texts.
export default {
  locales: {
    availableLocales: ['en', 'de', 'fr'],
    fallbackLocale: 'en'
  }
};
