// The workbench: toolbar, documents, inspector, findings; the tools (request designer,
// commands, report, thumbprint, environment, rules) take the centre when chosen. Each job lives
// in its own module under app/: opening files (openPipeline.ts, useOpenFiles.ts), keyboard and
// menu (useShortcuts.ts), drag, drop and paste (useDropAndPaste.ts), verdicts and the selected
// check (useVerdicts.ts, useSelectedCheck.ts), the inspector's model (useInspected.ts) and the
// routing of the centre (CentreView.tsx).
import { useCallback, useReducer } from 'react';
import { centreView } from './app/CentreView.js';
import { checkKeyOf, openFilesKey } from './app/checkKeys.js';
import { StatusBar } from './app/StatusBar.js';
import { useAppServices } from './app/useAppServices.js';
import { useDropAndPaste } from './app/useDropAndPaste.js';
import { useInspected } from './app/useInspected.js';
import { useOpenFiles } from './app/useOpenFiles.js';
import { useRememberedRole } from './app/useRememberedRole.js';
import { useSelectedCheck } from './app/useSelectedCheck.js';
import { useMenu, useShortcuts } from './app/useShortcuts.js';
import { useVerdicts } from './app/useVerdicts.js';
import { useReportWarmup } from './app/useReportWarmup.js';
import { ServicesContext } from './components/context.js';
import { DocumentList } from './components/DocumentList.js';
import { EmptyState } from './components/EmptyState.js';
import { FindingsPanel } from './components/FindingsPanel.js';
import { PasswordDialog } from './components/PasswordDialog.js';
import { Toolbar } from './components/Toolbar.js';
import { Inspector } from './inspector/Inspector.js';
import { usePasswordQueue } from './lib/usePasswordQueue.js';
import type { Platform } from './platform/platform.js';
import { useEnvironmentBook } from './state/useEnvironmentBook.js';
import { initialWorkbench, selectedDocument, workbenchReducer } from './state/workbench.js';
import type { WorkerClient } from './worker/client.js';

export function App({ platform, worker }: { platform: Platform; worker: WorkerClient }) {
  const [state, dispatch] = useReducer(workbenchReducer, initialWorkbench);
  const [role, setRole] = useRememberedRole();
  const envBook = useEnvironmentBook();
  const environment = envBook.environment;
  const hasDocuments = state.documents.length > 0;
  const services = useAppServices(platform, worker, dispatch);

  // ---- ways in: picker, platform, keyboard, menu, drag and drop, paste --------------------
  const { opening, estateRevision, openInputs, openWithPicker, openText, addServerOutput } = useOpenFiles(platform, worker, services, dispatch);
  const onOpen = useCallback(() => void openWithPicker(), [openWithPicker]);
  useMenu({ platform, dispatch, openWithPicker });
  useShortcuts({ platform, services, dispatch, openWithPicker, view: state.view, prompting: state.prompts.length > 0, hasDocuments });
  const dragging = useDropAndPaste({ openInputs, openText, addServerOutput });

  // PFX passwords, one file at a time or one password for the rest (renderer/lib/usePasswordQueue.ts).
  const passwords = usePasswordQueue(state.prompts, worker, dispatch);
  const prompt = passwords.prompt;

  const closeDocument = useCallback(
    (docId: string) => {
      void worker.close(docId);
      dispatch({ type: 'close', docId });
    },
    [worker],
  );
  // Stable, so the list's memoised rows re-render only when their own document changes.
  const selectDocument = useCallback((docId: string) => dispatch({ type: 'select', docId }), []);
  const moveSelection = useCallback((delta: number, order: readonly string[]) => dispatch({ type: 'move-selection', delta, order }), []);
  const dismissFailure = useCallback((key: string) => dispatch({ type: 'dismiss-failure', key }), []);

  // ---- checks and the inspector -----------------------------------------------------------
  const trustedDocIds = state.trustedDocIds;
  const { verdicts, setVerdict } = useVerdicts({ worker, documents: state.documents, opening, role, environment, trustedDocIds });
  useReportWarmup(worker, state.documents, opening);
  const selected = selectedDocument(state);
  const openFiles = openFilesKey(opening, state.documents.length);
  const checkKey = checkKeyOf(role, environment, trustedDocIds);
  const selectedEvaluation = useSelectedCheck({ worker, selected, role, environment, trustedDocIds, checkKey, openFiles, onVerdict: setVerdict });
  const inspected = useInspected(worker, selected, openFiles, environment, trustedDocIds);
  const trustRoot = useCallback((docId: string, trusted: boolean) => dispatch({ type: 'trust-root', docId, trusted }), []);

  // A finding's "Draft a request" / "Show the commands" open the tool for the role that was
  // checked (the guessed one under auto).
  const checkedRole = selectedEvaluation.state === 'done' ? selectedEvaluation.result.roles.find((r) => r !== 'general') : undefined;
  const roleForTools = role === 'auto' || role === 'general' ? checkedRole : role;

  // ---- layout ----------------------------------------------------------------------------
  const centre = centreView({ state, dispatch, platform, envBook, role, roleForTools, verdicts, estateRevision, onOpen });
  return (
    <ServicesContext.Provider value={services}>
      <div className={`app${dragging ? ' is-dragging' : ''}`}>
        <Toolbar
          view={state.view}
          role={role}
          environmentNames={envBook.book.environments.map((e) => e.name ?? '')}
          activeEnvironment={envBook.book.active}
          onOpen={onOpen}
          onView={(view) => dispatch({ type: 'view', view })}
          onRole={setRole}
          onEnvironment={envBook.switchTo}
        />
        <main className={`body${hasDocuments ? '' : ' body-empty'}`}>
          {hasDocuments ? (
            <DocumentList
              documents={state.documents}
              failures={state.failures}
              selectedDocId={state.selectedDocId}
              verdicts={verdicts}
              environment={environment}
              onSelect={selectDocument}
              onMove={moveSelection}
              onClose={closeDocument}
              onDismissFailure={dismissFailure}
            />
          ) : null}
          {centre ? (
            <div className="centre-tool">{centre}</div>
          ) : hasDocuments && selected ? (
            <>
              {inspected ? (
                <Inspector
                  key={inspected.docId}
                  doc={inspected}
                  highlight={state.highlightField}
                  onSelectCert={(certIndex) => dispatch({ type: 'select-cert', docId: inspected.docId, certIndex })}
                  trustMarks={{ trusted: trustedDocIds, onTrust: trustRoot }}
                />
              ) : (
                <section className="inspector" aria-label="Inspector" aria-busy="true" />
              )}
              <FindingsPanel
                evaluation={selectedEvaluation}
                onHighlight={(field) => dispatch({ type: 'highlight', field })}
                onDraft={() => dispatch({ type: 'view', view: 'request' })}
                onCommands={() => dispatch({ type: 'view', view: 'commands' })}
                onOpenUrl={(url) => void platform.openExternal(url)}
                canDraft
                canCommands
              />
            </>
          ) : (
            <div className="empty-wrap">
              <EmptyState onOpen={onOpen} onOpenText={openText} dragging={dragging} />
              {state.failures.length > 0 ? (
                <ul className="failures failures-empty">
                  {state.failures.map((f) => (
                    <li key={f.key} className="failure" role="alert">
                      {f.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          )}
        </main>
        <StatusBar kind={platform.kind} state={state} environmentName={envBook.book.active} />
        {dragging ? (
          <div className="drop-overlay" aria-hidden="true">
            Drop to open — read on this machine, never uploaded
          </div>
        ) : null}
        {prompt ? (
          <PasswordDialog prompt={prompt} busy={passwords.busy} position={passwords.position} onSubmit={(pw, rest) => void passwords.submit(pw, rest)} onCancel={passwords.cancel} onStop={passwords.stop} />
        ) : null}
      </div>
    </ServicesContext.Provider>
  );
}
