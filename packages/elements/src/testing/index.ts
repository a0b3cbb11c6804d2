/**
 * Test support for widgets: axe checks, injection payloads, a fake live object and a fake
 * `fetch`. Not part of the published entries nor of the CDN file.
 *
 * @module testing
 */
export { expectAccessible } from './a11y.js';
export { contrastRatio } from './contrast.js';
export { FakeLive } from './fake-live.js';
export { stubFetch } from './fake-fetch.js';
export type { FakeAnswer } from './fake-fetch.js';
export { INJECTION_PAYLOADS, deepElements, deepText, expectTextOnly } from './injection.js';
export { frames, q, qa, settle, shadowText, shadowTexts, textOf } from './dom.js';
