// The case input a filled-in intake form stands for, and where a core error points in it.
import type { OpenCaseInput } from '@lanewise/core/cases';

/** What the resident typed or chose. */
export interface IntakeFields {
  category: string;
  title: string;
  description: string;
  address: string;
  lat?: number | undefined;
  lon?: number | undefined;
  name: string;
  phone: string;
  namePrivate: boolean;
}

/** The form's fields, named as the template names its controls. */
export type IntakeField = 'category' | 'title' | 'description' | 'address' | 'name' | 'phone';

/** An empty form. */
export const blankFields = (): IntakeFields => ({
  category: '',
  title: '',
  description: '',
  address: '',
  name: '',
  phone: '',
  namePrivate: false,
});

/** A fresh case id: the channel, the local day and a random tail (`web-20250124-k3f9q2`). */
export function newCaseId(channel: string, receivedAt: Date): string {
  const day = receivedAt.toISOString().slice(0, 10).replaceAll('-', '');
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const tail = Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
  return `${channel}-${day}-${tail}`;
}

/**
 * The input of `book.open` for the fields: text trimmed, empty parts left out; a resident who
 * keeps the name private has it kept for the station but marked `attributes.namePrivate`.
 */
export function caseInputOf(
  fields: IntakeFields,
  options: { id: string; channel: string; receivedAt: string },
): OpenCaseInput {
  const text = (value: string) => value.trim();
  const name = text(fields.name);
  const phone = text(fields.phone);
  const address = text(fields.address);
  const description = text(fields.description);
  const reporter = { ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  const location = {
    ...(fields.lat !== undefined && fields.lon !== undefined
      ? { lat: fields.lat, lon: fields.lon }
      : {}),
    ...(address ? { address } : {}),
  };
  return {
    id: options.id,
    category: fields.category,
    title: text(fields.title),
    ...(description ? { description } : {}),
    receivedAt: options.receivedAt,
    channel: options.channel,
    ...(Object.keys(reporter).length ? { reporter } : {}),
    ...(Object.keys(location).length ? { location } : {}),
    ...(fields.namePrivate && name ? { attributes: { namePrivate: true } } : {}),
  };
}

/** The form field a core error path points at, or undefined for the form as a whole. */
export function fieldOfPath(path: readonly (string | number)[]): IntakeField | undefined {
  const [head, next] = path;
  if (head === 'category' || head === 'title' || head === 'description') return head;
  if (head === 'location') return 'address';
  if (head === 'reporter') return next === 'phone' ? 'phone' : 'name';
  return undefined;
}
