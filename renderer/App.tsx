// The workbench: toolbar, documents, inspector, findings; the tools (request designer,
// commands, report, thumbprint, environment, rules) take the centre when chosen.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { RoleChoice } from '../shared/rules/engine/roles.js';
import type { Verdict } from '../shared/rules/engine/status.js';
import { ServicesContext, type AppServices } from './components/context.js';
import { DocumentList } from './components/DocumentList.js';
import { EmptyState } from './components/EmptyState.js';
import { FindingsPanel, type EvaluationState } from './components/FindingsPanel.js';
import { PasswordDialog } from './components/PasswordDialog.js';
import { Toolbar } from './components/Toolbar.js';
import { Inspector } from './inspector/Inspector.js';
import type { PoolEntry } from './inspector/ChainTab.js';
import type { InputFile, MenuCommand, OpenResult, Platform } from './platform/platform.js';
import { readBrowserFiles } from './platform/web.js';
import { useEnvironmentBook } from './state/useEnvironmentBook.js';
import { initialWorkbench, selectedDocument, workbenchReducer, type View } from './state/workbench.js';
import { AboutView } from './views/AboutView.js';
import { CommandsView } from './views/CommandsView.js';
import { EnvironmentView } from './views/EnvironmentView.js';
import { ReportView } from './views/ReportView.js';
import { RequestDesigner } from './views/RequestDesigner.js';
import { RulesView } from './views/RulesView.js';
import { ThumbprintTool } from './views/ThumbprintTool.js';
import type { Capabilities } from './worker/api.js';
import type { WorkerClient } from './worker/client.js';

const ROLE_KEY = 'certbench.role.v1';

function initialRole(): RoleChoice {
  try {
    return (window.localStorage.getItem(ROLE_KEY) as RoleChoice | null) ?? 'auto';
  } catch {
    return 'auto';
  }
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function App({ platform, worker }: { platform: Platform; worker: WorkerClient }) {
  const [state, dispatch] = useReducer(workbenchReducer, initialWorkbench);
  const [role, setRole] = useState<RoleChoice>(initialRole);
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  const [evaluations, setEvaluations] = useState<Record<string, EvaluationState>>({});
  const [dragging, setDragging] = useState(false);
  const envBook = useEnvironmentBook();
  const environment = envBook.environment;
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const services = useMemo<AppServices>(
    () => ({
      platform,
      worker,
      now: () => new Date(),
      notify(text, tone = 'ok') {
        dispatch({ type: 'notice', text, tone });
        if (noticeTimer.current) clearTimeout(noticeTimer.current);
        noticeTimer.current = setTimeout(() => dispatch({ type: 'clear-notice' }), tone === 'error' ? 8000 : 4000);
      },
    }),
    [platform, worker],
  );

  useEffect(() => {
    worker.capabilities().then(setCapabilities, () => setCapabilities({ rules: false, requests: false, commands: false, reports: false }));
  }, [worker]);

  useEffect(() => {
    try {
      window.localStorage.setItem(ROLE_KEY, role);
    } catch {
      /* storage disabled: the role is simply not remembered */
    }
  }, [role]);

  // ---- opening files -------------------------------------------------------------------
  const openInputs = useCallback(
    async (result: OpenResult) => {
      for (const failure of result.failures) dispatch({ type: 'failed', fileName: failure.name, message: failure.message });
      const total = result.files.length;
      let n = 0;
      for (const file of result.files as InputFile[]) {
        n++;
        dispatch({ type: 'busy', text: total > 1 ? `Opening ${file.name} (${n} of ${total})…` : `Opening ${file.name}…` });
        try {
          const outcome = await worker.open(file.name, file.bytes.slice());
          if (outcome.status === 'opened') dispatch({ type: 'opened', docId: outcome.docId, fileName: file.name, document: outcome.document, ...(file.path ? { path: file.path } : {}) });
          else if (outcome.status === 'needs-password')
            dispatch({ type: 'prompt', prompt: { pendingId: outcome.pendingId, fileName: outcome.fileName, wrongPassword: outcome.wrongPassword, message: outcome.message } });
          else dispatch({ type: 'failed', fileName: file.name, message: outcome.message });
        } catch (error) {
          dispatch({ type: 'failed', fileName: file.name, message: `${file.name} could not be opened: ${(error as Error).message}` });
        }
      }
      dispatch({ type: 'busy', text: null });
    },
    [worker],
  );

  const openWithPicker = useCallback(async () => {
    try {
      await openInputs(await platform.openFiles());
    } catch (error) {
      services.notify((error as Error).message, 'error');
    }
  }, [platform, openInputs, services]);

  const openText = useCallback(
    (text: string) => {
      const name = /BEGIN [A-Z ]*REQUEST/.test(text) ? 'pasted.req' : 'pasted.pem';
      void openInputs({ files: [{ name, bytes: new TextEncoder().encode(text) }], failures: [] });
    },
    [openInputs],
  );

  const [unlocking, setUnlocking] = useState(false);
  const prompt = state.prompts[0] ?? null;
  const submitPassword = useCallback(
    async (password: string) => {
      if (!prompt) return;
      setUnlocking(true);
      dispatch({ type: 'busy', text: `Opening ${prompt.fileName}…` });
      try {
        const outcome = await worker.unlock(prompt.pendingId, password);
        if (outcome.status === 'opened') {
          dispatch({ type: 'prompt-done', pendingId: prompt.pendingId });
          dispatch({ type: 'opened', docId: outcome.docId, fileName: prompt.fileName, document: outcome.document });
        } else if (outcome.status === 'needs-password') {
          dispatch({ type: 'prompt', prompt: { pendingId: outcome.pendingId, fileName: outcome.fileName, wrongPassword: outcome.wrongPassword, message: outcome.message } });
        } else {
          dispatch({ type: 'prompt-done', pendingId: prompt.pendingId });
          dispatch({ type: 'failed', fileName: prompt.fileName, message: outcome.message });
        }
      } finally {
        setUnlocking(false);
        dispatch({ type: 'busy', text: null });
      }
    },
    [prompt, worker],
  );

  const cancelPassword = useCallback(() => {
    if (!prompt) return;
    void worker.forget(prompt.pendingId);
    dispatch({ type: 'prompt-done', pendingId: prompt.pendingId });
  }, [prompt, worker]);

  const closeDocument = useCallback(
    (docId: string) => {
      void worker.close(docId);
      dispatch({ type: 'close', docId });
    },
    [worker],
  );

  // ---- platform events, keyboard, drag and drop, paste ----------------------------------
  const handleMenu = useCallback(
    (command: MenuCommand) => {
      const views: Partial<Record<MenuCommand, View>> = {
        'new-request': 'request',
        commands: 'commands',
        report: 'report',
        environment: 'environment',
        thumbprint: 'thumbprint',
        rules: 'rules',
        about: 'about',
      };
      if (command === 'open') void openWithPicker();
      else if (command === 'print') void platform.printPage('certbench-report.pdf');
      else if (views[command]) dispatch({ type: 'view', view: views[command]! });
    },
    [openWithPicker, platform],
  );

  useEffect(() => platform.onMenu(handleMenu), [platform, handleMenu]);
  useEffect(() => platform.onFilesOpened((result) => void openInputs(result)), [platform, openInputs]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        void openWithPicker();
      } else if (mod && event.key.toLowerCase() === 'c') {
        const el = document.activeElement as HTMLElement | null;
        const value = el?.dataset.copy;
        if (value && !window.getSelection()?.toString()) {
          event.preventDefault();
          platform.copyText(value).then(() => services.notify('Copied'), (e: Error) => services.notify(e.message, 'error'));
        }
      } else if (event.key === 'Escape' && !state.prompts.length && state.view !== 'workbench' && !isEditable(event.target)) {
        dispatch({ type: 'view', view: 'workbench' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openWithPicker, platform, services, state.prompts.length, state.view]);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = async (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) await openInputs(await readBrowserFiles(files));
    };
    const onPaste = async (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length > 0) {
        e.preventDefault();
        await openInputs(await readBrowserFiles(files));
        return;
      }
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (/-----BEGIN [A-Z0-9 ]+-----/.test(text) || /^[A-Za-z0-9+/=\s]{200,}$/.test(text.trim())) {
        e.preventDefault();
        openText(text);
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, [openInputs, openText]);

  // ---- evaluation ------------------------------------------------------------------------
  const envKey = JSON.stringify(environment);
  useEffect(() => {
    if (!capabilities) return;
    if (!capabilities.rules) {
      setEvaluations({});
      return;
    }
    let cancelled = false;
    const at = new Date().toISOString();
    for (const doc of state.documents) {
      const target = doc.document.certificates.length > 0 ? doc.certIndex : doc.document.request ? -1 : null;
      if (target === null) {
        setEvaluations((e) => ({ ...e, [doc.docId]: { state: 'none' } }));
        continue;
      }
      setEvaluations((e) => ({ ...e, [doc.docId]: e[doc.docId]?.state === 'done' ? e[doc.docId]! : { state: 'running' } }));
      worker.evaluate(doc.docId, target, role, environment, at).then(
        (checked) => !cancelled && setEvaluations((e) => ({ ...e, [doc.docId]: { state: 'done', result: checked.evaluation, trust: checked.trust } })),
        (error: Error) => !cancelled && setEvaluations((e) => ({ ...e, [doc.docId]: { state: 'error', message: error.message } })),
      );
    }
    return () => {
      cancelled = true;
    };
    // envKey stands for the environment's content
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [capabilities, state.documents, role, envKey, worker]);

  const verdicts = useMemo(() => {
    const out: Record<string, Verdict | undefined> = {};
    for (const [docId, evaluation] of Object.entries(evaluations)) if (evaluation.state === 'done') out[docId] = evaluation.result.verdict;
    return out;
  }, [evaluations]);

  // ---- layout ----------------------------------------------------------------------------
  const selected = selectedDocument(state);
  const pool: PoolEntry[] = useMemo(
    () => state.documents.flatMap((d) => d.document.certificates.map((cert) => ({ cert, fileName: d.fileName }))),
    [state.documents],
  );
  const selectedEvaluation: EvaluationState = !capabilities
    ? { state: 'running' }
    : !capabilities.rules
      ? { state: 'unavailable' }
      : selected
        ? (evaluations[selected.docId] ?? { state: 'running' })
        : { state: 'none' };
  const hasDocuments = state.documents.length > 0;
  // A finding's "Draft a request" / "Show the commands" open the tool for the role that was
  // checked (the guessed one under auto).
  const checkedRole = selectedEvaluation.state === 'done' ? selectedEvaluation.result.roles.find((r) => r !== 'general') : undefined;
  const roleForTools = role === 'auto' || role === 'general' ? checkedRole : role;

  let centre: React.ReactNode = null;
  switch (state.view) {
    case 'thumbprint':
      centre = <ThumbprintTool documents={state.documents} onSelect={(docId, certIndex) => (dispatch({ type: 'select', docId }), dispatch({ type: 'select-cert', docId, certIndex }))} />;
      break;
    case 'environment':
      centre = (
        <EnvironmentView
          key={`${envBook.book.active}-${envBook.revision}`}
          environment={environment}
          names={envBook.book.environments.map((e) => e.name ?? '')}
          onChange={envBook.update}
          onSwitch={envBook.switchTo}
          onCreate={envBook.create}
          onRename={envBook.rename}
          onDelete={envBook.remove}
          onImport={envBook.importEnvironment}
        />
      );
      break;
    case 'request':
      centre = <RequestDesigner available={capabilities?.requests ?? false} environment={environment} initialRole={roleForTools} />;
      break;
    case 'commands':
      centre = (
        <CommandsView
          available={capabilities?.commands ?? false}
          environment={environment}
          initialRole={roleForTools}
          thumbprint={selected?.document.certificates[selected.certIndex]?.thumbprint}
        />
      );
      break;
    case 'report':
      centre = <ReportView available={capabilities?.reports ?? false} documents={state.documents} role={role} environment={environment} />;
      break;
    case 'rules':
      centre = <RulesView available={capabilities?.rules ?? false} />;
      break;
    case 'about':
      centre = <AboutView kind={platform.kind} />;
      break;
    default:
      centre = null;
  }

  return (
    <ServicesContext.Provider value={services}>
      <div className={`app${dragging ? ' is-dragging' : ''}`}>
        <Toolbar
          view={state.view}
          role={role}
          environmentNames={envBook.book.environments.map((e) => e.name ?? '')}
          activeEnvironment={envBook.book.active}
          onOpen={() => void openWithPicker()}
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
              onSelect={(docId) => dispatch({ type: 'select', docId })}
              onMove={(delta) => dispatch({ type: 'move-selection', delta })}
              onClose={closeDocument}
              onDismissFailure={(key) => dispatch({ type: 'dismiss-failure', key })}
            />
          ) : null}
          {centre ? (
            <div className="centre-tool">{centre}</div>
          ) : hasDocuments && selected ? (
            <>
              <Inspector key={selected.docId} doc={selected} pool={pool} highlight={state.highlightField} onSelectCert={(certIndex) => dispatch({ type: 'select-cert', docId: selected.docId, certIndex })} />
              <FindingsPanel
                evaluation={selectedEvaluation}
                onHighlight={(field) => dispatch({ type: 'highlight', field })}
                onDraft={() => dispatch({ type: 'view', view: 'request' })}
                onCommands={() => dispatch({ type: 'view', view: 'commands' })}
                onOpenUrl={(url) => void platform.openExternal(url)}
                canDraft={capabilities?.requests ?? false}
                canCommands={capabilities?.commands ?? false}
              />
            </>
          ) : (
            <div className="empty-wrap">
              <EmptyState onOpen={() => void openWithPicker()} onOpenText={openText} dragging={dragging} />
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
        <footer className="statusbar">
          <span className="privacy">
            <span aria-hidden="true">●</span> Nothing leaves this machine
          </span>
          <span className="muted">{platform.kind === 'web' ? 'Web edition' : 'Desktop'}</span>
          <span className="statusbar-spacer" />
          {state.busy ? (
            <span className="busy" role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" /> {state.busy}
            </span>
          ) : null}
          {state.notice ? (
            <span className={`notice notice-${state.notice.tone}`} role={state.notice.tone === 'error' ? 'alert' : 'status'}>
              {state.notice.text}
            </span>
          ) : null}
          <span className="muted">
            {state.documents.length} file{state.documents.length === 1 ? '' : 's'} · env {envBook.book.active}
          </span>
        </footer>
        {dragging ? (
          <div className="drop-overlay" aria-hidden="true">
            Drop to open — read on this machine, never uploaded
          </div>
        ) : null}
        {prompt ? <PasswordDialog prompt={prompt} busy={unlocking} onSubmit={(pw) => void submitPassword(pw)} onCancel={cancelPassword} /> : null}
      </div>
    </ServicesContext.Provider>
  );
}
