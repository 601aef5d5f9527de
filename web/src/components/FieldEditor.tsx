// Inputs for the fields of a kind of finding, generated from its field specs (GET /api/kinds; so no
// page writes a form per kind). Text in the inputs is turned into typed values here; the server
// validates them and its errors are shown next to the field they name.
import { useLang } from '../i18n';
import { useKinds } from '../kinds';
import type { FieldSpec } from '../../../src/core/api-types';

export type { FieldSpec };

/** The fields of a kind (from GET /api/kinds, loaded once for the app). */
export function useFieldSpecs(kind: string | null): FieldSpec[] | null {
  const kinds = useKinds();
  return (kind && kinds.list.find((k) => k.name === kind)?.fields) || null;
}

/** A stored value as the text an input shows. */
export function toText(spec: FieldSpec, v: unknown): string {
  if (v == null) return '';
  switch (spec.type) {
    case 'list':
      return Array.isArray(v) ? v.join('、') : String(v);
    case 'range':
      return Array.isArray(v) && v.length === 2 ? `${v[0]}-${v[1]}` : '';
    case 'json':
      return JSON.stringify(v);
    default:
      return String(v);
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Input text as a typed value; text that is not what the field wants is passed on for the server to name. */
export function fromText(spec: FieldSpec, raw: string): { value: unknown } | { error: string } {
  const s = raw.trim();
  if (s === '') return { value: spec.type === 'list' ? [] : spec.nullable ? null : '' };
  switch (spec.type) {
    case 'number':
    case 'integer':
      return { value: NUMBER.test(s.replace(/,/g, '')) ? Number(s.replace(/,/g, '')) : s };
    case 'number-or-text': {
      const n = s.replace(/,/g, '');
      return { value: NUMBER.test(n) ? Number(n) : s.replace(/[∶：]/g, ':') };
    }
    case 'list':
      return { value: s.split(/[、,，;；]/).map((x) => x.trim()).filter(Boolean) };
    case 'range': {
      const m = /^(-?\d+(?:\.\d+)?)\s*[-–—~～至]\s*(-?\d+(?:\.\d+)?)$/.exec(s);
      return { value: m ? [Number(m[1]), Number(m[2])] : s };
    }
    case 'json':
      try {
        return { value: JSON.parse(s) };
      } catch {
        return { error: 'JSON' };
      }
    default:
      return { value: s };
  }
}

const hints: Record<FieldSpec['type'], { zh: string; en: string }> = {
  string: { zh: '', en: '' },
  number: { zh: '数字', en: 'number' },
  integer: { zh: '整数', en: 'whole number' },
  enum: { zh: '', en: '' },
  list: { zh: '用顿号分隔', en: 'separate with 、or ,' },
  'number-or-text': { zh: '数字或比例，如 13:47:40', en: 'number or ratio like 13:47:40' },
  range: { zh: '如 5-10', en: 'e.g. 5-10' },
  json: { zh: 'JSON', en: 'JSON' },
};

/** The inputs of a form (the caller owns the <form>, its submit and Esc handling). */
export function FieldInputs({
  specs,
  values,
  onChange,
  errors,
  idPrefix,
  autoFocus,
}: {
  specs: FieldSpec[];
  values: Record<string, string>;
  onChange: (name: string, text: string) => void;
  /** Messages by field name (from the server, or the client's JSON check). */
  errors: Record<string, string>;
  idPrefix: string;
  /** Field to focus first. */
  autoFocus?: string;
}) {
  const { lang } = useLang();
  return (
    <div className="field-editor">
      {specs.map((s) => {
        const id = `${idPrefix}-${s.name}`;
        const hint = hints[s.type][lang];
        const err = errors[s.name];
        return (
          <div key={s.name} className={`field-editor-row${err ? ' field-editor-invalid' : ''}`}>
            <label htmlFor={id}>
              {s[lang]}
              {s.required && <span className="field-editor-required"> *</span>}
              {hint && <span className="field-editor-hint"> {hint}</span>}
            </label>
            {s.type === 'enum' ? (
              <select id={id} value={values[s.name] ?? ''} onChange={(e) => onChange(s.name, e.target.value)} data-testid={`field-${s.name}`} autoFocus={autoFocus === s.name}>
                {s.nullable && <option value="">—</option>}
                {(s.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o[lang]}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                value={values[s.name] ?? ''}
                onChange={(e) => onChange(s.name, e.target.value)}
                inputMode={s.type === 'number' || s.type === 'integer' ? 'decimal' : undefined}
                data-testid={`field-${s.name}`}
                aria-invalid={!!err}
                aria-describedby={err ? `${id}-error` : undefined}
                autoFocus={autoFocus === s.name}
              />
            )}
            {err && (
              <div className="field-editor-error" id={`${id}-error`} role="alert" data-testid={`field-error-${s.name}`}>
                {err}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
