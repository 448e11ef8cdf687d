// One labelled row of the inspector; highlighted when the selected finding points at it.
import type { ReactNode } from 'react';
import { rowClass } from './highlight.js';

export function Row({ label, fields, highlight, children }: { label: string; fields: readonly string[]; highlight: string | null; children: ReactNode }) {
  return (
    <div className={rowClass('row', highlight, fields)} data-field={fields.join(' ')}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
