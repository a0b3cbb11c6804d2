import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The design tokens. A page sets any of them as `--lw-<name>` (on `:root` or on one element);
 * components read them through private `--_lw-<name>` properties that fall back to these
 * defaults. Colours have a light and a dark value, picked by the page's `color-scheme`.
 */
export const lightTokens = {
  'color-text': '#1f2328',
  'color-muted': '#59636e',
  'color-surface': '#ffffff',
  'color-surface-raised': '#f6f8fa',
  'color-border': '#d1d9e0',
  'color-accent': '#0b6e4f',
  'color-good': '#1a7f37',
  'color-warn': '#9a6700',
  'color-bad': '#cf222e',
  'color-bad-surface': '#ffebe9',
  'color-skeleton': '#e6eaef',
  'color-focus': '#0969da',
  'color-on-accent': '#ffffff',
} as const;

/** Dark-scheme colours; same names as {@link lightTokens}. */
export const darkTokens: Record<keyof typeof lightTokens, string> = {
  'color-text': '#e6edf3',
  'color-muted': '#9198a1',
  'color-surface': '#0d1117',
  'color-surface-raised': '#151b23',
  'color-border': '#3d444d',
  'color-accent': '#3fb68b',
  'color-good': '#3fb950',
  'color-warn': '#d29922',
  'color-bad': '#f85149',
  'color-bad-surface': '#3c1618',
  'color-skeleton': '#262c36',
  'color-focus': '#4493f8',
  'color-on-accent': '#0d1117',
};

/** Spacing, radius and type: the same in both schemes. */
export const sizeTokens = {
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
  radius: '0.5rem',
  // System UI first, then the CJK faces of macOS and iOS, Windows, Android and Linux, so that
  // Chinese text never falls back to a bitmap or a mismatched font.
  'font-family':
    'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  'font-size': '1rem',
  'font-size-small': '0.875rem',
  'font-size-figure': '2rem',
} as const;

/** Every token name a page can set, without the `--lw-` prefix. */
export type TokenName = keyof typeof lightTokens | keyof typeof sizeTokens;

const colourRules = Object.entries(lightTokens).map(
  ([name, light]) =>
    `--_lw-${name}: var(--lw-${name}, light-dark(${light}, ${darkTokens[name as keyof typeof lightTokens]}));`,
);
const sizeRules = Object.entries(sizeTokens).map(
  ([name, value]) => `--_lw-${name}: var(--lw-${name}, ${value});`,
);

/** The `:host` rules that resolve every token; part of every component's styles. */
export const tokenStyles: CSSResult = unsafeCSS(
  `:host { ${[...colourRules, ...sizeRules].join(' ')} }`,
);
