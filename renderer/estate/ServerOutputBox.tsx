// Paste (or drop) what a server printed — Get-ExchangeCertificate, Get-AuthConfig,
// Get-CsCertificate, certutil, an Export-Clixml file — and add it to the estate. The shell's
// culture decides how dates read; where day and month are ambiguous the admin picks it here.
import { useState } from 'react';
import type { EstateImportOptions } from '../worker/estateApi.js';

export interface ServerOutputBoxProps {
  options: EstateImportOptions;
  locales: readonly { id: string; label: string }[];
  busy: boolean;
  onAdd(text: string): Promise<void>;
  onOptions(options: EstateImportOptions): void;
}

export function ServerOutputBox({ options, locales, busy, onAdd, onOptions }: ServerOutputBoxProps) {
  const [text, setText] = useState('');
  const [server, setServer] = useState(options.server ?? '');
  return (
    <form
      className="estate-paste"
      aria-label="Add server output"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return;
        void onAdd(text).then(() => setText(''));
      }}
    >
      <label htmlFor="estate-paste-text">Paste server output</label>
      <textarea
        id="estate-paste-text"
        spellCheck={false}
        className="mono"
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'[PS] C:\\>Get-ExchangeCertificate -Server EX1 | fl\n…or Get-AuthConfig, Get-CsCertificate, certutil -store my'}
      />
      <div className="estate-paste-row">
        <label className="picker estate-picker">
          <span>Dates as</span>
          <select
            aria-label="Date format of the pasted output"
            value={options.locale ?? ''}
            onChange={(e) => onOptions({ ...options, locale: e.target.value || null })}
          >
            <option value="">Automatic</option>
            {locales.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <label className="picker estate-picker">
          <span>Server</span>
          <input
            type="text"
            aria-label="Server the output came from"
            placeholder="if the text does not say"
            value={server}
            onChange={(e) => setServer(e.target.value)}
            onBlur={() => server.trim() !== (options.server ?? '') && onOptions({ ...options, server: server.trim() || null })}
          />
        </label>
        <span className="toolbar-spacer" />
        <button type="submit" className="btn btn-primary" disabled={!text.trim() || busy}>
          Add to the estate
        </button>
      </div>
      <p className="hint muted small">Read in this window and never uploaded. You can also drop .txt, .xml (Export-Clixml) and snapshot .json files anywhere.</p>
    </form>
  );
}
