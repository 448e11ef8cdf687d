// The Exchange servers table of the Environment editor.
import { EXCHANGE_VERSION_LABELS, EXCHANGE_VERSIONS, WINDOWS_VERSION_LABELS, WINDOWS_VERSIONS } from '../../shared/environment/versions.js';
import { Icon } from '../components/Icon.js';
import { ListInput, Select, TextInput } from './fields.js';
import type { EnvironmentDraft } from './useEnvironmentDraft.js';

export function ExchangeServersSection({ draft }: { draft: EnvironmentDraft }) {
  const servers = draft.env.exchangeServers ?? [];
  return (
    <fieldset className="section">
      <legend>Exchange servers</legend>
      {servers.length > 0 ? (
        <table className="form-table">
          <thead>
            <tr>
              <th>FQDN</th>
              <th>Version</th>
              <th>Windows</th>
              <th>Roles</th>
              <th title="Hosts a UM dial plan of URI type SipName">SipName plan</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {servers.map((s, i) => {
              const at = `exchangeServers[${i}]`;
              return (
                <tr key={i}>
                  <td>
                    <TextInput label={`Exchange server ${i + 1} FQDN`} value={s.fqdn} onChange={(v) => draft.setServer(i, { fqdn: v })} placeholder="ex1.contoso.com" problems={draft.problemsAt(`${at}.fqdn`)} />
                  </td>
                  <td>
                    <Select label={`Exchange server ${i + 1} version`} value={s.version} options={EXCHANGE_VERSIONS} labels={EXCHANGE_VERSION_LABELS} onChange={(version) => draft.setServer(i, { version })} problems={draft.problemsAt(`${at}.version`)} />
                  </td>
                  <td>
                    <Select label={`Exchange server ${i + 1} Windows version`} value={s.os} options={WINDOWS_VERSIONS} labels={WINDOWS_VERSION_LABELS} onChange={(os) => draft.setServer(i, { os })} problems={draft.problemsAt(`${at}.os`)} />
                  </td>
                  <td>
                    <ListInput label={`Exchange server ${i + 1} roles`} value={s.roles} onChange={(roles) => draft.setServer(i, { roles })} placeholder="Mailbox, UM, UMCallRouter" problems={draft.problemsAt(`${at}.roles`, true)} />
                  </td>
                  <td className="center">
                    <input
                      type="checkbox"
                      aria-label={`Exchange server ${i + 1} hosts a SipName dial plan`}
                      checked={s.hostsSipNameDialPlan ?? false}
                      onChange={(e) => draft.setServer(i, { hostsSipNameDialPlan: e.target.checked || undefined })}
                    />
                  </td>
                  <td>
                    <button type="button" className="icon-btn" aria-label={`Remove Exchange server ${i + 1}`} onClick={() => draft.set({ exchangeServers: servers.filter((_, j) => j !== i) })}>
                      <Icon name="close" size={12} />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="btn btn-small" onClick={() => draft.set({ exchangeServers: [...servers, { fqdn: '' }] })}>
        Add Exchange server
      </button>
    </fieldset>
  );
}
