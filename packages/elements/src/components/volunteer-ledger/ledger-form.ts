import { html, nothing } from 'lit';
import { LanewiseError } from '@lanewise/core/errors';

/** The fields of the record form. */
export type FormField = 'volunteer' | 'activity' | 'start' | 'end' | 'note';

/** Messages beside the fields, and one for the form as a whole. */
export type FormErrors = Partial<Record<FormField | 'form', string>>;

/** What the form needs from the widget to render. */
export interface FormContext {
  readonly team: boolean;
  readonly errors: FormErrors;
  readonly activities: readonly string[];
  readonly volunteers: readonly string[];
  readonly zoneNote: string;
  readonly label: (key: FormField | 'recordTitle' | 'submit') => string;
  readonly onSubmit: (event: SubmitEvent) => void;
}

/** The input field a core error's path points at. */
const FIELD_OF_PATH: Readonly<Record<string, FormField>> = {
  volunteerId: 'volunteer',
  activityId: 'activity',
  start: 'start',
  end: 'end',
  note: 'note',
};

/** The field a core error concerns, or `form` when it concerns none of them. */
export function fieldOfError(error: unknown): FormField | 'form' {
  const head = error instanceof LanewiseError ? error.path[0] : undefined;
  return (typeof head === 'string' && FIELD_OF_PATH[head]) || 'form';
}

function field(
  context: FormContext,
  name: FormField,
  control: (describedBy: string | typeof nothing) => unknown,
) {
  const error = context.errors[name];
  return html`<div class="field" part="field" data-field=${name}>
    <label for="field-${name}">${context.label(name)}</label>
    ${control(error ? `error-${name}` : nothing)}
    ${
      error
        ? html`<p class="field-error" part="field-error" id="error-${name}">${error}</p>`
        : nothing
    }
  </div>`;
}

/** The form that records an entry: native validation first, then the core's schema and rules. */
export function renderRecordForm(context: FormContext) {
  const invalid = (name: FormField) => (context.errors[name] ? 'true' : 'false');
  return html`<form part="form" class="record" novalidate @submit=${context.onSubmit}>
    <h3 class="form-title">${context.label('recordTitle')}</h3>
    <div class="fields">
      ${
        context.team
          ? field(
              context,
              'volunteer',
              (describedBy) =>
                html`<input
                    id="field-volunteer"
                    name="volunteer"
                    list="volunteers"
                    required
                    autocomplete="off"
                    aria-invalid=${invalid('volunteer')}
                    aria-describedby=${describedBy}
                  /><datalist id="volunteers">
                    ${context.volunteers.map((id) => html`<option value=${id}></option>`)}
                  </datalist>`,
            )
          : nothing
      }
      ${field(
        context,
        'activity',
        (describedBy) =>
          html`<input
              id="field-activity"
              name="activity"
              list="activities"
              required
              autocomplete="off"
              aria-invalid=${invalid('activity')}
              aria-describedby=${describedBy}
            /><datalist id="activities">
              ${context.activities.map((id) => html`<option value=${id}></option>`)}
            </datalist>`,
      )}
      ${field(
        context,
        'start',
        (describedBy) =>
          html`<input
            id="field-start"
            name="start"
            type="datetime-local"
            required
            aria-invalid=${invalid('start')}
            aria-describedby=${describedBy}
          />`,
      )}
      ${field(
        context,
        'end',
        (describedBy) =>
          html`<input
            id="field-end"
            name="end"
            type="datetime-local"
            required
            aria-invalid=${invalid('end')}
            aria-describedby=${describedBy}
          />`,
      )}
      ${field(
        context,
        'note',
        (describedBy) =>
          html`<textarea
            id="field-note"
            name="note"
            rows="2"
            maxlength="2000"
            aria-invalid=${invalid('note')}
            aria-describedby=${describedBy}
          ></textarea>`,
      )}
    </div>
    <div class="form-foot">
      <p class="zone-note">${context.zoneNote}</p>
      <button class="lw-button primary" part="submit" type="submit">
        ${context.label('submit')}
      </button>
    </div>
    ${
      context.errors.form
        ? html`<p class="field-error form-error" part="form-error" role="alert">
            ${context.errors.form}
          </p>`
        : nothing
    }
  </form>`;
}
