// The Lync / Skype for Business pools and the Edge pools of the Environment editor.
import { SFB_VERSION_LABELS, SFB_VERSIONS } from '../../shared/environment/versions.js';
import type { EdgePool } from '../../shared/environment/types.js';
import { Icon } from '../components/Icon.js';
import { FieldRow } from '../components/FieldRow.js';
import { ListInput, Select, TextInput } from './fields.js';
import type { EnvironmentDraft } from './useEnvironmentDraft.js';

export function SfbPoolsSection({ draft }: { draft: EnvironmentDraft }) {
  const pools = draft.env.sfbPools ?? [];
  return (
    <fieldset className="section">
      <legend>Lync / Skype for Business pools</legend>
      {pools.length > 0 ? (
        <table className="form-table">
          <thead>
            <tr>
              <th>Pool FQDN</th>
              <th>Version</th>
              <th>Front End servers</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {pools.map((p, i) => (
              <tr key={i}>
                <td>
                  <TextInput label={`Pool ${i + 1} FQDN`} value={p.fqdn} onChange={(v) => draft.setPool(i, { fqdn: v })} placeholder="pool01.contoso.com" problems={draft.problemsAt(`sfbPools[${i}].fqdn`)} />
                </td>
                <td>
                  <Select label={`Pool ${i + 1} version`} value={p.version} options={SFB_VERSIONS} labels={SFB_VERSION_LABELS} onChange={(version) => draft.setPool(i, { version })} problems={draft.problemsAt(`sfbPools[${i}].version`)} />
                </td>
                <td>
                  <ListInput label={`Pool ${i + 1} servers`} value={p.servers} onChange={(servers) => draft.setPool(i, { servers })} placeholder="fe1.contoso.com, fe2.contoso.com" problems={draft.problemsAt(`sfbPools[${i}].servers`, true)} />
                </td>
                <td>
                  <button type="button" className="icon-btn" aria-label={`Remove pool ${i + 1}`} onClick={() => draft.set({ sfbPools: pools.filter((_, j) => j !== i) })}>
                    <Icon name="close" size={12} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="btn btn-small" onClick={() => draft.set({ sfbPools: [...pools, { fqdn: '' }] })}>
        Add pool
      </button>
    </fieldset>
  );
}

const EDGE_NAMES: { key: 'internalFqdn' | 'accessEdgeFqdn' | 'webConferencingEdgeFqdn' | 'avEdgeFqdn'; label: string; placeholder: string }[] = [
  { key: 'internalFqdn', label: 'Internal FQDN', placeholder: 'edge-int.contoso.local' },
  { key: 'accessEdgeFqdn', label: 'Access Edge FQDN', placeholder: 'sip.contoso.com' },
  { key: 'webConferencingEdgeFqdn', label: 'Web Conferencing Edge FQDN', placeholder: 'webconf.contoso.com' },
  { key: 'avEdgeFqdn', label: 'A/V Edge FQDN', placeholder: 'av.contoso.com' },
];

export function EdgePoolsSection({ draft }: { draft: EnvironmentDraft }) {
  const edges = draft.env.edgePools ?? [];
  return (
    <fieldset className="section">
      <legend>Edge pools</legend>
      {edges.map((p: EdgePool, i) => (
        <div key={i} className="grid-2 edge-block">
          {EDGE_NAMES.map((n) => (
            <FieldRow key={n.key} caption={n.label}><TextInput label={`Edge pool ${i + 1} ${n.key === 'internalFqdn' ? 'internal FQDN' : n.label}`} value={p[n.key]} onChange={(v) => draft.setEdge(i, { [n.key]: v })} placeholder={n.placeholder} problems={draft.problemsAt(`edgePools[${i}].${n.key}`)} /></FieldRow>
          ))}
          <FieldRow caption="Edge servers"><ListInput label={`Edge pool ${i + 1} servers`} value={p.servers} onChange={(servers) => draft.setEdge(i, { servers })} placeholder="edge1.contoso.local, edge2.contoso.local" problems={draft.problemsAt(`edgePools[${i}].servers`, true)} /></FieldRow>
          <FieldRow caption="Version"><Select label={`Edge pool ${i + 1} version`} value={p.version} options={SFB_VERSIONS} labels={SFB_VERSION_LABELS} onChange={(version) => draft.setEdge(i, { version })} problems={draft.problemsAt(`edgePools[${i}].version`)} /></FieldRow>
          <button type="button" className="btn btn-small btn-danger" onClick={() => draft.set({ edgePools: edges.filter((_, j) => j !== i) })}>
            Remove Edge pool {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => draft.set({ edgePools: [...edges, {}] })}>
        Add Edge pool
      </button>
    </fieldset>
  );
}
