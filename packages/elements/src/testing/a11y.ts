import { expect } from '@open-wc/testing';

/** Options of {@link expectAccessible}. */
export interface AccessibleOptions {
  /**
   * axe rules not to run, each for a stated reason. The one in use: `aria-roles` on a widget
   * whose public `role` attribute (`role="organizer"`, `role="station"`) is not an ARIA role.
   */
  ignoredRules?: readonly string[];
}

/**
 * Checks `el` with axe-core (through chai-a11y-axe) after its pending render, so that a
 * widget is checked in the state it shows.
 */
export async function expectAccessible(
  el: Element,
  options: AccessibleOptions = {},
): Promise<void> {
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  await expect(el).to.be.accessible(
    options.ignoredRules ? { ignoredRules: [...options.ignoredRules] } : undefined,
  );
}
