// Paste PEM or Base64 text (what Exchange writes, what a CA mails back) and open it; what a
// server printed (Get-ExchangeCertificate, Get-AuthConfig, …) goes to the Estate view (App decides).
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
      <label htmlFor="paste-text">Paste PEM or Base64, or server output</label>
      <textarea
        id="paste-text"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'-----BEGIN CERTIFICATE-----\nMIIF…\n-----END CERTIFICATE-----\n…or what Get-ExchangeCertificate printed'}
        rows={compact ? 3 : 5}
      />
      <button type="submit" className="btn" disabled={!text.trim()}>
        Open pasted text
      </button>
    </form>
  );
}
