// The page box of a printed certificate. `@page` has no effect inside a shadow root, so the
// rule goes into the document, first in <head>, so that a page's own `@page` still wins.
const marker = 'data-lanewise-certificate-page';

/** The rule a certificate's page is printed with: A4 portrait with even margins. */
export const CERTIFICATE_PAGE_RULE = '@page { size: A4 portrait; margin: 12mm; }';

/** Adds the certificate's `@page` rule to `document`, once. */
export function certificatePageStyle(document: Document): void {
  if (document.head === null || document.head.querySelector(`style[${marker}]`)) return;
  const style = document.createElement('style');
  style.setAttribute(marker, '');
  style.textContent = CERTIFICATE_PAGE_RULE;
  document.head.prepend(style);
}
