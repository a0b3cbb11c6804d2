import { expect } from '@open-wc/testing';

/**
 * Checks `el` with axe-core (through chai-a11y-axe) after its pending render, so that a
 * widget is checked in the state it shows.
 */
export async function expectAccessible(el: Element): Promise<void> {
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  await expect(el).to.be.accessible();
}
