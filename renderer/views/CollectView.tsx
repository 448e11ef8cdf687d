// Collect: the read-only PowerShell collector for Exchange, Skype for Business or both, with
// what it reads, why it is safe, where to run it and the two commands to type; copy or save it.
// The script and every fact about it come from shared/estate/collector (the CLI says the same).
import { useMemo, useState } from 'react';
import { collectScript } from '../../shared/estate/collector/collectScript.js';
import { DEFAULT_COLLECT_SCRIPT_NAME, READ_ONLY_FACTS, runCommands, whatItReads, whereToRun, type CollectParts } from '../../shared/estate/collector/howToRun.js';
import { CopyButton } from '../components/CopyButton.js';
import { useServices } from '../components/context.js';
import { Icon } from '../components/Icon.js';
import '../styles/collect.css';

export function CollectView() {
  const { platform, notify } = useServices();
  const [parts, setParts] = useState<CollectParts>({ exchange: true, skype: true });
  const chosen = parts.exchange || parts.skype;
  const script = useMemo(() => (chosen ? collectScript(parts) : ''), [parts, chosen]);
  const commands = runCommands(DEFAULT_COLLECT_SCRIPT_NAME);

  const toggle = (part: keyof CollectParts) => setParts((p) => ({ ...p, [part]: !p[part] }));

  return (
    <section className="tool-view collect-view" aria-label="Collect">
      <h2>Collect</h2>
      <p className="muted">
        A PowerShell script that reads every server&apos;s certificates and the settings that point at them (Auth configuration, OWA instant messaging, connectors,
        Skype for Business certificate assignments) and writes one snapshot file. Open that file here to see the whole estate.
      </p>

      <fieldset className="control-row collect-parts">
        <legend>Collect from</legend>
        <label className="check">
          <input type="checkbox" checked={parts.exchange} onChange={() => toggle('exchange')} /> Exchange Server
        </label>
        <label className="check">
          <input type="checkbox" checked={parts.skype} onChange={() => toggle('skype')} /> Lync / Skype for Business Server
        </label>
      </fieldset>

      {!chosen ? (
        <p className="form-error" role="alert">
          <Icon name="warn" size={13} /> Choose Exchange, Skype for Business, or both.
        </p>
      ) : (
        <>
          <div className="collect-facts">
            <section aria-label="It only reads">
              <h3>It only reads</h3>
              <ul>
                {READ_ONLY_FACTS.map((fact) => (
                  <li key={fact}>{fact}</li>
                ))}
              </ul>
            </section>
            <section aria-label="What it reads">
              <h3>What it reads</h3>
              <ul>
                {whatItReads(parts).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
            <section aria-label="Where to run it">
              <h3>Where to run it</h3>
              <ul>
                {whereToRun(parts).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
          </div>

          <section className="collect-run" aria-label="The two commands">
            <h3>The two commands</h3>
            <p>Save the script, copy it to that server and, in the folder that holds it, type these two commands (use the name you saved it under):</p>
            <pre className="mono script collect-commands" data-testid="collect-commands">
              {commands.join('\n')}
            </pre>
            <CopyButton text={commands.join('\r\n')} label="Copy commands" what="commands" />
            <p>
              It writes <span className="mono">certbench-snapshot-&lt;computer&gt;-&lt;time&gt;.json</span> next to the script. Bring that file back and open it
              here (Open, or drop it on the window): the Estate view shows every server, certificate and binding.
            </p>
          </section>

          <div className="script-actions">
            <CopyButton text={script} label="Copy script" what="script" />
            <button
              type="button"
              className="btn btn-small"
              onClick={async () => {
                const saved = await platform.saveFile({ suggestedName: DEFAULT_COLLECT_SCRIPT_NAME, data: script.replace(/\r?\n/g, '\r\n'), mimeType: 'text/plain' });
                if (saved) notify(`Saved to ${saved.where}`);
              }}
            >
              Save .ps1
            </button>
          </div>
          <pre className="mono script" data-testid="collect-script" tabIndex={0} aria-label="Collector script">
            {script}
          </pre>
        </>
      )}
    </section>
  );
}
