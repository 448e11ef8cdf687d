// Lifetime as a bar: how much has passed, coloured by days left; the words say the same.
import { daysLeftLabel, elapsedFraction, formatDate, validityTone } from '../lib/validity.js';

export function ValidityBar({ notBefore, notAfter, now }: { notBefore: string; notAfter: string; now: Date }) {
  const tone = validityTone(notBefore, notAfter, now);
  const fraction = elapsedFraction(notBefore, notAfter, now);
  const label = daysLeftLabel(notBefore, notAfter, now);
  return (
    <div className={`validity validity-${tone}`}>
      <div
        className="validity-track"
        role="meter"
        aria-label="Lifetime used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={label}
      >
        <div className="validity-fill" style={{ width: `${Math.max(2, fraction * 100)}%` }} />
      </div>
      <div className="validity-text">
        <strong data-testid="days-left">{label}</strong>
        <span className="muted">
          {formatDate(notBefore)} → {formatDate(notAfter)}
        </span>
      </div>
    </div>
  );
}
