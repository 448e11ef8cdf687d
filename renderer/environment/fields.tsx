// The Environment editor's inputs. Each shows, under itself, what the core validator
// (shared/environment/validate.ts) says about its value — the same sentence the CLI gives for
// the same field of an --env file — and marks itself invalid for assistive technology.
import { useId, useState, type ReactNode } from 'react';

/** A field's problems as the validator words them, first letter up, full stop at the end. */
export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={id} className="form-error field-problem" data-testid="field-problem">
      {messages.map((m) => `${m.charAt(0).toUpperCase()}${m.slice(1)}.`).join(' ')}
    </span>
  );
}

function WithMessages({ messages, children }: { messages: readonly string[]; children: (describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  return (
    <>
      {children(messages.length > 0 ? id : undefined)}
      <FieldMessages id={id} messages={messages} />
    </>
  );
}

export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface InputProps {
  label: string;
  placeholder?: string;
  /** The validator's messages for this field (empty: valid). */
  problems?: readonly string[];
}

/**
 * A text input for a list, committed as you type but keeping your own spacing. It reads its
 * value once: the form is remounted (key) when another environment is shown.
 */
export function ListInput({ value, onChange, label, placeholder, problems = [] }: InputProps & { value: string[] | undefined; onChange(list: string[]): void }) {
  const [text, setText] = useState((value ?? []).join(', '));
  return (
    <WithMessages messages={problems}>
      {(describedBy) => (
        <input
          type="text"
          aria-label={label}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={describedBy}
          value={text}
          placeholder={placeholder}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            onChange(splitList(e.target.value));
          }}
        />
      )}
    </WithMessages>
  );
}

export function TextInput({ value, onChange, label, placeholder, mono, problems = [] }: InputProps & { value: string | undefined; onChange(v: string): void; mono?: boolean }) {
  return (
    <WithMessages messages={problems}>
      {(describedBy) => (
        <input
          type="text"
          aria-label={label}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={describedBy}
          className={mono ? 'mono' : undefined}
          value={value ?? ''}
          placeholder={placeholder}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </WithMessages>
  );
}

/** A choice of the core's canonical values, each shown with its label; '' is "not given". */
export function Select<T extends string>({
  value,
  options,
  labels,
  onChange,
  label,
  problems = [],
}: {
  value: string | undefined;
  options: readonly T[];
  labels: Record<T, string>;
  onChange(v: T | undefined): void;
  label: string;
  problems?: readonly string[];
}) {
  return (
    <WithMessages messages={problems}>
      {(describedBy) => (
        <select aria-label={label} aria-invalid={problems.length > 0 || undefined} aria-describedby={describedBy} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
          <option value="">—</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {labels[o]}
            </option>
          ))}
        </select>
      )}
    </WithMessages>
  );
}
