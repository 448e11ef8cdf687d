// First screen: one large drop zone that says what it accepts, a button and a paste area.
import { Icon } from './Icon.js';
import { PasteBox } from './PasteBox.js';

const ACCEPTS = ['PFX', 'P12', 'CER', 'CRT', 'PEM', 'DER', 'P7B', 'CSR', 'REQ'];

export function EmptyState({ onOpen, onOpenText, dragging }: { onOpen(): void; onOpenText(text: string): void; dragging: boolean }) {
  return (
    <section className="empty" aria-label="Open a certificate">
      <div className={`drop-zone${dragging ? ' dragging' : ''}`} data-testid="drop-zone">
        <Icon name="open" size={40} className="drop-icon" />
        <h1>Drop certificates, PFX files or requests here</h1>
        <p className="accepts" aria-label="Accepted file types">
          {ACCEPTS.map((ext) => (
            <span key={ext} className="chip chip-muted">
              {ext}
            </span>
          ))}
        </p>
        <button type="button" className="btn btn-primary" onClick={onOpen}>
          Open files…
        </button>
        <p className="hint">or press Ctrl+O · files are read on this machine and never uploaded</p>
      </div>
      <PasteBox onOpenText={onOpenText} />
    </section>
  );
}
