/** Form building blocks: every input has a label, its hint and its problems, linked for screen readers. */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { EyeIcon, ShieldIcon } from './icons';
import type { Problems } from '../lib/problems';
import { fieldId } from '../lib/problems';

interface FieldBase {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  errors?: string[] | undefined;
  identifying?: boolean;
  required?: boolean;
  class?: string;
}

function describedBy(id: string, hint: unknown, errors: string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors?.length ? `${id}-err` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function IdentBadge() {
  return (
    <span class="ident-badge">
      <ShieldIcon />
      {t('ident.badge')}
    </span>
  );
}

function Label({ id, label, identifying, required }: FieldBase) {
  return (
    <label for={id} class="label">
      {label}
      {required && <span class="req"> {t('field.required')}</span>}
      {identifying && <IdentBadge />}
    </label>
  );
}

function HintAndErrors({ id, hint, errors }: FieldBase) {
  return (
    <>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {errors?.length ? (
        <p class="field-error" id={`${id}-err`}>
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

type TextProps = FieldBase & {
  value: string;
  onValue: (v: string) => void;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search' | 'tel';
  multiline?: boolean;
  rows?: number;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'search';
  autoComplete?: string;
  maxLength?: number;
  list?: string;
  placeholder?: string;
  autoFocus?: boolean;
  size?: number;
};

export function TextField(p: TextProps) {
  const [shown, setShown] = useState(false);
  const conceal = p.identifying && !shown;
  const common = {
    id: p.id,
    name: p.id,
    value: p.value,
    'aria-describedby': describedBy(p.id, p.hint, p.errors),
    'aria-invalid': p.errors?.length ? ('true' as const) : undefined,
    'aria-required': p.required ? ('true' as const) : undefined,
    autoComplete: p.identifying ? 'off' : (p.autoComplete ?? 'off'),
    spellcheck: p.identifying ? false : undefined,
    maxLength: p.maxLength,
    placeholder: p.placeholder,
    autoFocus: p.autoFocus,
    class: `${conceal ? 'conceal ' : ''}${p.identifying ? 'ident' : ''}`.trim() || undefined,
    onInput: (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => p.onValue(e.currentTarget.value),
  };
  return (
    <div class={`field ${p.class ?? ''} ${p.errors?.length ? 'has-error' : ''}`}>
      <Label {...p} />
      <div class={p.identifying ? 'ident-wrap' : undefined}>
        {p.multiline ? (
          <textarea {...common} rows={p.rows ?? 4} />
        ) : (
          <input {...common} type={p.type ?? 'text'} inputMode={p.inputMode} list={p.list} size={p.size} />
        )}
        {p.identifying && (
          <button type="button" class="btn-link reveal" aria-pressed={shown} aria-controls={p.id} onClick={() => setShown(!shown)}>
            <EyeIcon />
            {shown ? t('ident.hide') : t('ident.show')}
          </button>
        )}
      </div>
      <HintAndErrors {...p} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}
export interface OptGroup {
  group: string;
  options: Option[];
}

type SelectProps = FieldBase & {
  value: string;
  onValue: (v: string) => void;
  options: (Option | OptGroup)[];
  /** label of the empty choice; omit to have no empty choice */
  empty?: string;
};

export function SelectField(p: SelectProps) {
  return (
    <div class={`field ${p.class ?? ''} ${p.errors?.length ? 'has-error' : ''}`}>
      <Label {...p} />
      <select
        id={p.id}
        name={p.id}
        value={p.value}
        aria-describedby={describedBy(p.id, p.hint, p.errors)}
        aria-invalid={p.errors?.length ? 'true' : undefined}
        aria-required={p.required ? 'true' : undefined}
        onChange={(e) => p.onValue(e.currentTarget.value)}
      >
        {p.empty !== undefined && <option value="">{p.empty}</option>}
        {p.options.map((o) =>
          'group' in o ? (
            <optgroup key={o.group} label={o.group}>
              {o.options.map((x) => (
                <option key={x.value} value={x.value} disabled={x.disabled}>
                  {x.label}
                </option>
              ))}
            </optgroup>
          ) : (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ),
        )}
      </select>
      <HintAndErrors {...p} />
    </div>
  );
}

export function CheckField(p: { id: string; label: ComponentChildren; checked: boolean; onValue: (v: boolean) => void; hint?: ComponentChildren; class?: string }) {
  return (
    <div class={`check ${p.class ?? ''}`}>
      <input type="checkbox" id={p.id} name={p.id} checked={p.checked} onChange={(e) => p.onValue(e.currentTarget.checked)} aria-describedby={p.hint ? `${p.id}-hint` : undefined} />
      <label for={p.id}>{p.label}</label>
      {p.hint && <p class="hint" id={`${p.id}-hint`}>{p.hint}</p>}
    </div>
  );
}

/** Several vocabulary values as checkboxes in a fieldset. */
export function CheckGroup(p: { id: string; legend: string; options: Option[]; values: string[]; onValues: (v: string[]) => void; errors?: string[] | undefined; class?: string }) {
  const toggle = (v: string, on: boolean) => p.onValues(on ? [...p.values, v] : p.values.filter((x) => x !== v));
  return (
    <fieldset class={`checkgroup ${p.class ?? ''}`} id={p.id}>
      <legend>{p.legend}</legend>
      <div class="checkgroup-list">
        {p.options.map((o) => (
          <div class="check" key={o.value}>
            <input type="checkbox" id={`${p.id}-${o.value.replace(/\./g, '_')}`} checked={p.values.includes(o.value)} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
            <label for={`${p.id}-${o.value.replace(/\./g, '_')}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {p.errors?.length ? <p class="field-error">{p.errors.join(' ')}</p> : null}
    </fieldset>
  );
}

/** The problems of a whole form, announced, each linking to its field. */
export function ErrorSummary({ problems, message, labelOf }: { problems: Problems; message?: string | undefined; labelOf?: (path: string) => string }) {
  if (!problems.size && !message) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p class="error-summary-title">{message ?? t('form.problemsTitle', { count: problems.size })}</p>
      {problems.size > 0 && (
        <ul>
          {[...problems.entries()].map(([path, msgs]) => (
            <li key={path}>
              <a
                href={`#${fieldId(path)}`}
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(fieldId(path));
                  if (el) {
                    el.focus();
                    el.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {labelOf ? labelOf(path) : path}
              </a>
              : {msgs.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Alert({ kind, children }: { kind: 'error' | 'info' | 'success' | 'warning'; children: ComponentChildren }) {
  return (
    <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function PageTitle({ children }: { children: ComponentChildren }) {
  return (
    <h1 tabIndex={-1} class="page-title">
      {children}
    </h1>
  );
}

/** One row of a description list; renders nothing when there is nothing to show. */
export function Row({ label, children }: { label: ComponentChildren; children: ComponentChildren }) {
  if (children === undefined || children === null || children === '' || children === false) return null;
  return (
    <div class="row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The two buttons that end an inline editing form: save (submits the form) and cancel. */
export function SaveCancel({ save, onCancel, busy }: { save: string; onCancel: () => void; busy?: boolean }) {
  return (
    <div class="actions">
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {save}
      </button>
      <button type="button" class="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
