// One captioned row of a form (.field): its caption above its control, the control's problem
// message (if any) inside the same label. `wide` spans both columns of a .grid-2.
import type { ReactNode } from 'react';

export function FieldRow({ caption, wide = false, children }: { caption: string; wide?: boolean; children: ReactNode }) {
  return (
    <label className={wide ? 'field span-2' : 'field'}>
      <span>{caption}</span>
      {children}
    </label>
  );
}
