import type { FormField } from '../../tryit/index.ts';
import { Inline } from './Inline.tsx';

interface Props {
  uid: string;
  field: FormField;
  value: string;
  /** Problems for this field, already in words. */
  errors: string[];
  onChange: (field: FormField, text: string) => void;
  onFile?: (field: FormField, file: File | undefined) => void;
}

/** One typed input with its label, hint and inline errors (announced through aria-describedby). */
export function Field({ uid, field, value, errors, onChange, onFile }: Props) {
  const id = `tryit-${uid}-${field.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const described = [field.description ? `${id}-hint` : '', errors.length > 0 ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': described, 'aria-invalid': errors.length > 0 || undefined, required: field.required };
  const change = (text: string) => onChange(field, text);
  let input;
  switch (field.control) {
    case 'select':
      input = (
        <select {...common} value={value} onChange={(e) => change(e.currentTarget.value)}>
          <option value="">{field.required ? 'Choose…' : '(not set)'}</option>
          {field.options!.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      );
      break;
    case 'toggle':
      input = (
        <select {...common} value={value} onChange={(e) => change(e.currentTarget.value)}>
          <option value="">(not set)</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      );
      break;
    case 'number':
    case 'integer':
      input = <input {...common} type="number" inputMode={field.control === 'integer' ? 'numeric' : 'decimal'} step={field.control === 'integer' ? 1 : 'any'} min={field.min} max={field.max} value={value} onChange={(e) => change(e.currentTarget.value)} />;
      break;
    case 'file':
      input = <input {...common} type="file" accept={field.accept} onChange={(e) => onFile?.(field, e.currentTarget.files?.[0])} />;
      break;
    default:
      input = <input {...common} type="text" spellCheck={false} autoComplete="off" placeholder={field.control === 'list' ? 'a, b, c' : undefined} value={value} onChange={(e) => change(e.currentTarget.value)} />;
  }
  return (
    <div className="tryit-field" data-field={field.id}>
      <label htmlFor={id}>
        <code>{field.name}</code>
        <span className="tryit-meta">{field.in !== 'body' ? field.in : ''}{field.required ? ' required' : ''}{range(field)}</span>
      </label>
      {input}
      {field.description && <small id={`${id}-hint`} className="tryit-hint"><Inline text={field.description} /></small>}
      {errors.length > 0 && (
        <ul id={`${id}-err`} className="tryit-errors">
          {errors.map((e) => <li key={e}><Inline text={e} /></li>)}
        </ul>
      )}
    </div>
  );
}

function range(field: FormField): string {
  if (field.min !== undefined && field.max !== undefined) return ` ${field.min}–${field.max}`;
  if (field.min !== undefined) return ` ≥ ${field.min}`;
  if (field.max !== undefined) return ` ≤ ${field.max}`;
  return '';
}
