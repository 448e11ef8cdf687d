// What the estate was built from, and what CertBench understood of each input, object by
// object; notes it could not read are highlighted with the input they came from.
import { Icon } from '../components/Icon.js';
import { Untrusted, Visible } from '../components/Untrusted.js';
import { showInvisible } from '../../shared/encoding/invisibleCharacters.js';
import type { EstateImportOptions, EstateNote, EstateState } from '../worker/estateApi.js';

const LEVEL_ICON: Record<string, string> = { error: 'error', warn: 'warn', warning: 'warn', info: 'info' };

export interface EstateSourcesProps {
  state: EstateState;
  locales: readonly { id: string; label: string }[];
  onRemove(sourceId: string): void;
  onOptions(options: EstateImportOptions): void;
}

/** A note; where the importer could not tell day from month, the locale picker sits beside it. */
function Note({ note, state, locales, onOptions }: { note: EstateNote; state: EstateState; locales: EstateSourcesProps['locales']; onOptions: EstateSourcesProps['onOptions'] }) {
  return (
    <li className={`estate-note estate-note-${note.level}`} data-testid="estate-note" data-code={note.code}>
      <Icon name={LEVEL_ICON[note.level] ?? 'info'} size={12} />
      <span>
        <Visible text={note.message} />
        {note.code === 'dates-ambiguous' ? (
          <label className="estate-note-picker">
            {' '}
            Read the dates as{' '}
            <select aria-label="Read the pasted dates as" value={state.options.locale ?? ''} onChange={(e) => onOptions({ ...state.options, locale: e.target.value || null })}>
              <option value="">(choose)</option>
              {locales.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </span>
    </li>
  );
}

export function EstateSources({ state, locales, onRemove, onOptions }: EstateSourcesProps) {
  return (
    <section className="estate-sources" aria-label="What CertBench read" data-testid="estate-sources">
      <ul className="estate-source-list">
        {state.sources.map((source) => {
          const understood = state.understood.filter((u) => u.source === source.name);
          const notes = state.notes.filter((n) => n.source === source.name);
          return (
            <li key={source.id} className="estate-source">
              <div className="estate-source-head">
                <strong>
                  <Untrusted text={source.name} />
                </strong>
                <span className="muted small" title={source.format ?? undefined}>
                  {source.kind === 'snapshot' ? 'snapshot file' : 'server output'}
                </span>
                <span className="toolbar-spacer" />
                <button type="button" className="icon-btn" onClick={() => onRemove(source.id)} aria-label={`Remove ${showInvisible(source.name)} from the estate`} title="Remove from the estate">
                  <Icon name="close" size={13} />
                </button>
              </div>
              {understood.length > 0 ? (
                <ul className="estate-understood" data-testid="estate-understood">
                  {understood.map((u, i) => (
                    <li key={i}>
                      <Icon name="pass" size={12} /> <Visible text={u.summary} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {notes.length > 0 ? (
                <ul className="estate-notes">
                  {notes.map((n, i) => (
                    <Note key={i} note={n} state={state} locales={locales} onOptions={onOptions} />
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
      {/* Notes the importer could not tie to one input (e.g. a merge across inputs). */}
      {state.notes.some((n) => !state.sources.some((s) => s.name === n.source)) ? (
        <ul className="estate-notes">
          {state.notes
            .filter((n) => !state.sources.some((s) => s.name === n.source))
            .map((n, i) => (
              <Note key={i} note={n} state={state} locales={locales} onOptions={onOptions} />
            ))}
        </ul>
      ) : null}
    </section>
  );
}
