// Routing: the tool that takes the centre for the chosen view (null: the workbench itself,
// list + inspector + findings).
import type { Dispatch, ReactNode } from 'react';
import type { RoleChoice, RoleId } from '../../shared/rules/engine/roles.js';
import type { Platform } from '../platform/platform.js';
import type { useEnvironmentBook } from '../state/useEnvironmentBook.js';
import type { WorkbenchAction, WorkbenchState } from '../state/workbench.js';
import { AboutView } from '../views/AboutView.js';
import { CollectView } from '../views/CollectView.js';
import { CommandsView } from '../views/CommandsView.js';
import { CompareView } from '../views/CompareView.js';
import { EnvironmentView } from '../views/EnvironmentView.js';
import { EstateView } from '../views/EstateView.js';
import { PlanView } from '../views/PlanView.js';
import { ReportView } from '../views/ReportView.js';
import { RequestDesigner } from '../views/RequestDesigner.js';
import { RulesView } from '../views/RulesView.js';
import { ThumbprintTool } from '../views/ThumbprintTool.js';
import { TroubleshootView } from '../views/TroubleshootView.js';
import type { Verdicts } from './useVerdicts.js';

export interface CentreProps {
  state: WorkbenchState;
  dispatch: Dispatch<WorkbenchAction>;
  platform: Platform;
  envBook: ReturnType<typeof useEnvironmentBook>;
  role: RoleChoice;
  /** The role the tools open with: the chosen one, or the one the check guessed under auto. */
  roleForTools: RoleId | undefined;
  verdicts: Verdicts;
  estateRevision: number;
  onOpen(): void;
}

/** The tool for `state.view`, or null on the workbench. */
export function centreView({ state, dispatch, platform, envBook, role, roleForTools, verdicts, estateRevision, onOpen }: CentreProps): ReactNode {
  const environment = envBook.environment;
  const show = (docId: string, certIndex: number) => (dispatch({ type: 'select', docId }), dispatch({ type: 'select-cert', docId, certIndex }));
  switch (state.view) {
    case 'thumbprint':
      return <ThumbprintTool documents={state.documents} onSelect={show} />;
    case 'environment':
      return (
        <EnvironmentView
          // Keyed by position, not name: a rename must not remount the form (the click that ended
          // the rename, e.g. on "Add Exchange server", would land on a button that is gone).
          key={`${envBook.book.environments.findIndex((e) => e.name === envBook.book.active)}-${envBook.revision}`}
          environment={envBook.draft}
          names={envBook.book.environments.map((e) => e.name ?? '')}
          onChange={envBook.update}
          onSwitch={envBook.switchTo}
          onCreate={envBook.create}
          onRename={envBook.rename}
          onDelete={envBook.remove}
          onImport={envBook.importEnvironment}
        />
      );
    case 'request':
      return <RequestDesigner environment={environment} initialRole={roleForTools} />;
    case 'commands':
      return (
        <CommandsView
          environment={environment}
          initialRole={roleForTools}
          documents={state.documents}
          selectedDocId={state.selectedDocId}
          trustedDocIds={state.trustedDocIds}
        />
      );
    case 'report':
      return <ReportView documents={state.documents} role={role} environment={environment} leftOut={state.failures} verdicts={verdicts} trustedDocIds={state.trustedDocIds} />;
    case 'estate':
      return (
        <EstateView
          documents={state.documents}
          environment={environment}
          trustedDocIds={state.trustedDocIds}
          revision={estateRevision}
          onOpen={onOpen}
          onSelectDocument={(docId, certIndex) => (show(docId, certIndex), dispatch({ type: 'view', view: 'workbench' }))}
          onUseEnvironment={envBook.importEnvironment}
        />
      );
    case 'collect':
      return <CollectView />;
    case 'compare':
      return <CompareView documents={state.documents} selectedDocId={state.selectedDocId} role={role} environment={environment} trustedDocIds={state.trustedDocIds} />;
    case 'plan':
      return <PlanView documents={state.documents} role={role} environment={environment} trustedDocIds={state.trustedDocIds} />;
    case 'troubleshoot':
      return <TroubleshootView documents={state.documents} role={role} environment={environment} trustedDocIds={state.trustedDocIds} />;
    case 'rules':
      return <RulesView />;
    case 'about':
      return <AboutView kind={platform.kind} />;
    default:
      return null;
  }
}
