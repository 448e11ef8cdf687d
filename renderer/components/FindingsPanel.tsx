// Right pane: findings grouped Error → Warning → Info → Pass → N/A. Each card has icon and
// word, the detail for this certificate, what breaks, the fix with actions, the citation.
// Selecting a card highlights the field in the inspector; arrow keys move between cards.
import { useRef, useState } from 'react';
import type { Status } from '../../shared/rules/engine/status.js';
import type { EvaluationResult, Finding } from '../../shared/rules/engine/types.js';
import type { TrustResult } from '../../shared/trust/types.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { CitationText } from './CitationText.js';
import { roleLabel } from '../lib/roles.js';
import { Icon } from './Icon.js';
import { StatusBadge, VerdictBadge, statusWord } from './StatusBadge.js';
import { Visible } from './Untrusted.js';

export type EvaluationState =
  | { state: 'none' }
  | { state: 'running' }
  | { state: 'error'; message: string }
  | { state: 'done'; result: EvaluationResult; trust: TrustResult | null };

const GROUPS: { statuses: Status[]; label: string }[] = [
  { statuses: ['fatal', 'error'], label: 'Errors' },
  { statuses: ['warn'], label: 'Warnings' },
  { statuses: ['info'], label: 'Info' },
  { statuses: ['pass'], label: 'Passed' },
  { statuses: ['not_applicable'], label: 'Not applicable' },
];

const SOURCE_LABEL: Record<string, string> = {
  microsoft: 'Microsoft',
  cabf: 'CA/Browser Forum',
  rfc: 'RFC',
  community: 'Community report',
  workbench: 'CertBench',
};

function FindingCard({
  finding,
  selected,
  focusable,
  onSelect,
  onDraft,
  onCommands,
  onOpenUrl,
}: {
  finding: Finding;
  selected: boolean;
  /** The one card Tab reaches (roving tabindex): the selected one, else the first. */
  focusable: boolean;
  onSelect(): void;
  onDraft?: () => void;
  onCommands?: () => void;
  onOpenUrl(url: string): void;
}) {
  const actionable = finding.status === 'error' || finding.status === 'fatal' || finding.status === 'warn';
  return (
    <li
      className={`finding finding-${finding.status}${selected ? ' selected' : ''}`}
      tabIndex={focusable ? 0 : -1}
      aria-selected={selected}
      role="option"
      onClick={onSelect}
      onFocus={onSelect}
      data-testid="finding"
      data-rule={finding.ruleId}
      data-status={finding.status}
    >
      <div className="finding-head">
        <StatusBadge status={finding.status} />
        <span className="finding-title">
          <Visible text={forPeople(finding.title)} />
        </span>
      </div>
      <p className="finding-detail">
        <Visible text={forPeople(finding.detail)} />
      </p>
      {finding.whatBreaks && finding.status !== 'pass' && finding.status !== 'not_applicable' ? (
        <p className="finding-breaks">
          <strong>What breaks: </strong>
          <Visible text={forPeople(finding.whatBreaks)} />
        </p>
      ) : null}
      {finding.fix && actionable ? (
        <p className="finding-fix">
          <strong>Fix: </strong>
          <Visible text={forPeople(finding.fix)} />
        </p>
      ) : null}
      {actionable && (onDraft || onCommands) ? (
        <div className="finding-actions">
          {onDraft ? (
            <button type="button" className="btn btn-small" onClick={(e) => (e.stopPropagation(), onDraft())}>
              <Icon name="request" size={13} /> Draft a compliant request
            </button>
          ) : null}
          {onCommands ? (
            <button type="button" className="btn btn-small" onClick={(e) => (e.stopPropagation(), onCommands())}>
              <Icon name="terminal" size={13} /> Show the commands
            </button>
          ) : null}
        </div>
      ) : null}
      <p className="finding-source muted small" title={`Rule ${finding.ruleId}`}>
        {SOURCE_LABEL[finding.source] ?? finding.source} ·{' '}
        <CitationText citation={finding.citation} onOpenUrl={onOpenUrl} />
      </p>
    </li>
  );
}

export function FindingsPanel({
  evaluation,
  onHighlight,
  onDraft,
  onCommands,
  onOpenUrl,
  canDraft,
  canCommands,
}: {
  evaluation: EvaluationState;
  onHighlight(field: string | null): void;
  onDraft(): void;
  onCommands(): void;
  onOpenUrl(url: string): void;
  canDraft: boolean;
  canCommands: boolean;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  let body: React.ReactNode;
  let heading = 'Findings';
  if (evaluation.state === 'none') {
    body = <p className="muted pad">Select a certificate or request to check it.</p>;
  } else if (evaluation.state === 'running') {
    body = <p className="muted pad" aria-live="polite">Checking…</p>;
  } else if (evaluation.state === 'error') {
    body = (
      <p className="form-error pad" role="alert">
        {evaluation.message}
      </p>
    );
  } else {
    const { result } = evaluation;
    heading = `Findings · ${result.guessed ? `auto: ${result.roles.filter((r) => r !== 'general').map(roleLabel).join(', ') || 'general only'}` : roleLabel(result.role)}`;
    const counts = (statuses: Status[]) => result.findings.filter((f) => statuses.includes(f.status)).length;
    // Tab reaches one card (the selected, else the first shown); arrows, Home and End move from there.
    const cardKeys = GROUPS.flatMap((g) => result.findings.filter((f) => g.statuses.includes(f.status)).map((f, i) => `${f.ruleId}-${i}`));
    const focusKey = selected !== null && cardKeys.includes(selected) ? selected : (cardKeys[0] ?? null);
    body = (
      <div
        ref={listRef}
        onKeyDown={(event) => {
          if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
          const cards = [...(listRef.current?.querySelectorAll<HTMLElement>('.finding') ?? [])].filter((el) => el.offsetParent !== null);
          const index = cards.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
          const target = event.key === 'Home' ? 0 : event.key === 'End' ? cards.length - 1 : index + (event.key === 'ArrowDown' ? 1 : -1);
          const next = cards[Math.min(cards.length - 1, Math.max(0, target))];
          if (next) {
            event.preventDefault();
            next.focus();
          }
        }}
      >
        <div className="verdict-line">
          <VerdictBadge verdict={result.verdict} />
          <span className="muted small">
            {counts(['fatal', 'error'])} error{counts(['fatal', 'error']) === 1 ? '' : 's'} · {counts(['warn'])} warning{counts(['warn']) === 1 ? '' : 's'} · {counts(['pass'])} passed
          </span>
        </div>
        {GROUPS.map((group) => {
          const findings = result.findings.filter((f) => group.statuses.includes(f.status));
          if (findings.length === 0) return null;
          const list = (
            <ul className="finding-list" role="listbox" aria-label={group.label}>
              {findings.map((finding, i) => {
                const key = `${finding.ruleId}-${i}`;
                return (
                  <FindingCard
                    key={key}
                    finding={finding}
                    selected={selected === key}
                    focusable={focusKey === key}
                    onSelect={() => {
                      setSelected(key);
                      onHighlight(finding.fieldPath ?? null);
                    }}
                    {...(canDraft ? { onDraft } : {})}
                    {...(canCommands ? { onCommands } : {})}
                    onOpenUrl={onOpenUrl}
                  />
                );
              })}
            </ul>
          );
          const collapsed = group.statuses.includes('not_applicable') || group.statuses.includes('pass');
          return collapsed ? (
            <details key={group.label} className="finding-group" open={group.statuses.includes('pass') && findings.length <= 4}>
              <summary>
                {group.label} <span className="count">{findings.length}</span>
              </summary>
              {list}
            </details>
          ) : (
            <section key={group.label} className="finding-group" aria-label={`${group.label}: ${findings.length}`}>
              <h3>
                {group.label} <span className="count">{findings.length}</span>
              </h3>
              {list}
            </section>
          );
        })}
      </div>
    );
  }
  return (
    <aside className="findings" aria-label="Findings">
      <div className="pane-title">{heading}</div>
      <div className="findings-body">{body}</div>
    </aside>
  );
}

export { statusWord };
