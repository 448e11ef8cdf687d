// Paste PEM or Base64 text (what Exchange writes, what a CA mails back) and open it.
import { useState } from 'react';

export function PasteBox({ onOpenText, compact }: { onOpenText(text: string): void; compact?: boolean }) {
  const [text, setText] = useState('');
  return (
    <form
      className={`paste-box${compact ? ' compact' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) {
          onOpenText(text);
          setText('');
        }
      }}
    >
      <label htmlFor="paste-text">Paste PEM or Base64</label>
      <textarea
        id="paste-text"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'-----BEGIN CERTIFICATE-----\nMIIF…\n-----END CERTIFICATE-----'}
        rows={compact ? 3 : 5}
      />
      <button type="submit" className="btn" disabled={!text.trim()}>
        Open pasted text
      </button>
    </form>
  );
}
