import { css } from 'lit';

export const certificateStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_paper: var(--lw-certificate-paper, var(--_lw-color-surface));
    --_frame: var(--lw-certificate-frame, light-dark(#a67c2e, #c9a45c));
    --_seal: var(--lw-certificate-seal, light-dark(#c0282d, #e5484d));
    --_star: var(--lw-certificate-star, light-dark(#d19a16, #e3b341));
    --_serif: var(
      --lw-certificate-font-family,
      'Songti SC',
      'STSong',
      'SimSun',
      'Noto Serif CJK SC',
      'Source Han Serif SC',
      'Noto Serif SC',
      Georgia,
      serif
    );
  }
  .paper {
    box-sizing: border-box;
    max-inline-size: 48rem;
    margin-inline: auto;
    padding: clamp(0.5rem, 2.5cqi, 1.5rem);
    background: var(--_paper);
    border: 1px solid var(--_lw-color-border);
    border-radius: 2px;
    box-shadow:
      0 1px 2px rgb(0 0 0 / 8%),
      0 8px 24px rgb(0 0 0 / 8%);
  }
  .frame {
    position: relative;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_lw-space-2);
    padding: clamp(1.25rem, 6cqi, 3.25rem) clamp(1rem, 6cqi, 3.5rem);
    border: 4px double var(--_frame);
    /* A third, thin line inside the double border. */
    box-shadow:
      inset 0 0 0 5px var(--_paper),
      inset 0 0 0 6px var(--_frame);
    text-align: center;
  }
  .frame p {
    margin: 0;
  }
  .corner {
    position: absolute;
    inline-size: 0.9rem;
    block-size: 0.9rem;
    background: var(--_frame);
    transform: rotate(45deg);
  }
  .corner-start-top {
    inset-block-start: -0.55rem;
    inset-inline-start: -0.55rem;
  }
  .corner-end-top {
    inset-block-start: -0.55rem;
    inset-inline-end: -0.55rem;
  }
  .corner-start-bottom {
    inset-block-end: -0.55rem;
    inset-inline-start: -0.55rem;
  }
  .corner-end-bottom {
    inset-block-end: -0.55rem;
    inset-inline-end: -0.55rem;
  }
  .heading {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_lw-space-1);
    margin-block-end: var(--_lw-space-3);
  }
  .title {
    margin: 0;
    font-family: var(--_serif);
    font-size: clamp(1.6rem, 7.5cqi, 2.75rem);
    font-weight: 700;
    line-height: 1.2;
    color: var(--_lw-color-text);
  }
  .paper[data-locale='zh-CN'] .title {
    /* Spaced out as a Chinese certificate sets its title; the end padding recentres it. */
    letter-spacing: 0.35em;
    padding-inline-start: 0.35em;
  }
  .subtitle {
    font-family: var(--_serif);
    font-size: clamp(0.7rem, 2.6cqi, 0.95rem);
    letter-spacing: 0.18em;
    text-transform: uppercase;
    color: var(--_lw-color-muted);
  }
  .ornament {
    position: relative;
    inline-size: min(14rem, 60%);
    block-size: 1px;
    margin-block: var(--_lw-space-2);
    background: linear-gradient(
      90deg,
      transparent,
      var(--_frame) 20%,
      var(--_frame) 80%,
      transparent
    );
    order: 3;
  }
  .ornament::after {
    content: '';
    position: absolute;
    inset-inline-start: 50%;
    inset-block-start: 50%;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    background: var(--_frame);
    transform: translate(-50%, -50%) rotate(45deg);
  }
  .lead {
    color: var(--_lw-color-muted);
  }
  .volunteer {
    box-sizing: border-box;
    min-inline-size: min(14rem, 80%);
    max-inline-size: 100%;
    padding: 0 1.5em 0.1em;
    font-family: var(--_serif);
    font-size: clamp(1.5rem, 6cqi, 2.25rem);
    font-weight: 700;
    line-height: 1.3;
    border-block-end: 1px solid var(--_frame);
    overflow-wrap: anywhere;
  }
  .volunteer-id {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
    overflow-wrap: anywhere;
  }
  .served {
    max-inline-size: 34em;
    margin-block-start: var(--_lw-space-2) !important;
    line-height: 1.7;
  }
  .total {
    font-size: clamp(1.75rem, 7cqi, 2.6rem);
    font-weight: 700;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .stars {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--_lw-space-2);
    color: var(--_lw-color-muted);
  }
  .star-row {
    display: inline-flex;
    gap: 0.15rem;
  }
  .star {
    display: inline-block;
    inline-size: 1.4rem;
    block-size: 1.4rem;
    background: var(--_star);
    clip-path: polygon(
      50% 0%,
      61.2% 34.5%,
      97.6% 34.5%,
      68.2% 55.9%,
      79.4% 90.5%,
      50% 69.1%,
      20.6% 90.5%,
      31.8% 55.9%,
      2.4% 34.5%,
      38.8% 34.5%
    );
  }
  .activities {
    inline-size: 100%;
    max-inline-size: 32rem;
    margin-block: var(--_lw-space-3);
    border-collapse: collapse;
    font-size: var(--_lw-font-size-small);
  }
  .activities caption {
    padding-block-end: var(--_lw-space-2);
    font-weight: 600;
    letter-spacing: 0.1em;
  }
  .activities th,
  .activities td {
    padding: var(--_lw-space-1) var(--_lw-space-2);
    border-block-end: 1px dotted var(--_frame);
    text-align: start;
  }
  .activities tbody th {
    overflow-wrap: anywhere;
  }
  .activities thead th {
    font-weight: 600;
    color: var(--_lw-color-muted);
    border-block-end: 1px solid var(--_frame);
  }
  .activities tbody th {
    font-weight: 400;
  }
  .activities .figure {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .signature {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_lw-space-4);
    inline-size: 100%;
    margin-block-start: auto;
    padding-block-start: var(--_lw-space-4);
    text-align: start;
  }
  .particulars {
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-2);
    margin: 0;
    font-size: var(--_lw-font-size-small);
  }
  .particulars dt {
    color: var(--_lw-color-muted);
  }
  .particulars dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .issuer-block {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-inline-size: 9rem;
    min-block-size: 8rem;
    max-inline-size: 100%;
    text-align: center;
  }
  .issuer-label {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .issuer {
    position: relative;
    font-family: var(--_serif);
    font-size: 1.1rem;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  /* The seal: a red ring with the issuer around its top and a star at its centre, stamped
     slightly askew over the issuer's name, as an inked seal is. */
  .seal {
    position: absolute;
    /* Over the end of the issuer's name, clear of the label above it. */
    inset-block-start: 58%;
    inset-inline-start: 66%;
    inline-size: 7.5rem;
    block-size: 7.5rem;
    box-sizing: border-box;
    border: 0.2rem solid var(--_seal);
    border-radius: 50%;
    color: var(--_seal);
    opacity: 0.8;
    transform: translate(-50%, -50%) rotate(-12deg);
    pointer-events: none;
  }
  .seal-char {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 50%;
    block-size: 50%;
    padding-block-start: 0.3rem;
    font-family: var(--_serif);
    font-size: 0.8rem;
    font-weight: 700;
    line-height: 1;
    transform: translateX(-50%) rotate(var(--angle));
    transform-origin: 50% 100%;
  }
  .seal-star {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 50%;
    inline-size: 2rem;
    block-size: 2rem;
    background: var(--_seal);
    transform: translate(-50%, -50%);
    clip-path: polygon(
      50% 0%,
      61.2% 34.5%,
      97.6% 34.5%,
      68.2% 55.9%,
      79.4% 90.5%,
      50% 69.1%,
      20.6% 90.5%,
      31.8% 55.9%,
      2.4% 34.5%,
      38.8% 34.5%
    );
  }
  .actions {
    display: flex;
    justify-content: center;
    margin-block-start: var(--_lw-space-3);
  }
  @container (max-width: 30rem) {
    .frame {
      padding: 1.25rem 0.75rem;
    }
    .signature {
      flex-direction: column-reverse;
      align-items: center;
      text-align: center;
    }
    .particulars {
      align-items: center;
    }
    .paper[data-locale='zh-CN'] .title {
      letter-spacing: 0.2em;
      padding-inline-start: 0.2em;
    }
  }
  @media print {
    :host {
      color-scheme: light;
      /* On paper the frame and the seal print in colour. */
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .paper {
      max-inline-size: none;
      /* Room for the corner ornaments, which the page box would cut. */
      padding: 4mm;
      border: 0;
      box-shadow: none;
      background: transparent;
    }
    .frame {
      /* One A4 page less its margins (see the @page rule) and the paper's padding, so that the
         signature sits at the foot. */
      min-block-size: 262mm;
      padding: 12mm 14mm;
      gap: 1.5mm;
    }
    /* Tighter rows, so that a dozen activities still fit on the page. */
    .activities {
      margin-block: 2mm;
    }
    .activities th,
    .activities td {
      padding-block: 0.8mm;
      line-height: 1.35;
    }
    .heading {
      margin-block-end: 0;
    }
    .signature {
      padding-block-start: 2mm;
    }
    .issuer-block {
      min-block-size: 30mm;
    }
    .seal {
      inline-size: 30mm;
      block-size: 30mm;
    }
    .activities tr,
    .signature {
      break-inside: avoid;
    }
    .actions {
      display: none;
    }
  }
`;
