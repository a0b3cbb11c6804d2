// The language switch of the gallery: the widgets follow the nearest `lang`, so setting it on
// <html> switches them all; the page's own sentences follow the same attribute through CSS.
const buttons = document.querySelectorAll('[data-set-lang]');

/** Sets the page's language and marks the button that chose it. */
function setLanguage(lang) {
  document.documentElement.lang = lang;
  for (const button of buttons) {
    button.setAttribute('aria-pressed', String(button.dataset.setLang === lang));
  }
}

for (const button of buttons) {
  button.addEventListener('click', () => setLanguage(button.dataset.setLang));
}
const asked = new URLSearchParams(location.search).get('lang');
setLanguage(asked === 'en' || asked === 'zh-CN' ? asked : document.documentElement.lang);
