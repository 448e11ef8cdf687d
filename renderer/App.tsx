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
import { Inspector, type InspectedFile } from './inspector/Inspector.js';
import type { InputFile, MenuCommand, OpenResult, Platform } from './platform/platform.js';
import { chosenFileReader, type ChosenFile, type ChosenFileReader, type ReadOutcome } from './platform/readChosenFiles.js';
import { readBrowserFiles } from './platform/web.js';
import { usePasswordQueue } from './lib/usePasswordQueue.js';
import { useEnvironmentBook } from './state/useEnvironmentBook.js';
import { initialWorkbench, selectedDocument, workbenchReducer, type OpenDocument, type OpenedFile, type PasswordPrompt, type View } from './state/workbench.js';
import { AboutView } from './views/AboutView.js';
import { CollectView } from './views/CollectView.js';
import { CommandsView } from './views/CommandsView.js';
import { CompareView } from './views/CompareView.js';
import { EnvironmentView } from './views/EnvironmentView.js';
import { EstateView } from './views/EstateView.js';
import { PlanView } from './views/PlanView.js';
import { ReportView } from './views/ReportView.js';
import { RequestDesigner } from './views/RequestDesigner.js';
import { RulesView } from './views/RulesView.js';
import { ThumbprintTool } from './views/ThumbprintTool.js';
import { TroubleshootView } from './views/TroubleshootView.js';
import type { Capabilities } from './worker/api.js';
import type { WorkerClient } from './worker/client.js';
import type { DocumentDetails, OpenOutcome } from './worker/protocol.js';

const ROLE_KEY = 'certbench.role.v1';
/** Files per worker round trip: two small batches first (see openInputs), then larger ones. */
const FIRST_BATCH = 50;
const BATCH = 500;
/** Documents per verdict call: small enough that the selected file's full check is never far behind. */
const VERDICT_BATCH = 100;
/** Full evaluations and inspector models kept for documents selected before (arrowing back shows them at once). */
const EVALUATION_CACHE = 64;
const DETAILS_CACHE = 64;

const formatCount = (n: number) => n.toLocaleString('en-US');

function initialRole(): RoleChoice {
  try {
    return (window.localStorage.getItem(ROLE_KEY) as RoleChoice | null) ?? 'auto';
  } catch {
    return 'auto';
  }
}

interface BatchReply {
  opened: OpenedFile[];
  failed: { fileName: string; message: string }[];
  prompts: PasswordPrompt[];
  /** Snapshots and server output: they joined the estate in the worker. */
  estate: string[];
}

/** The bytes of one batch of files: read (web) or copied (desktop); a sentence for a file that cannot be read. */
async function readBatch(reader: ChosenFileReader, batch: readonly InputFile[]): Promise<ReadOutcome[]> {
  const chosen: ChosenFile[] = [];
  for (const file of batch) if (file.blob) chosen.push({ name: file.name, blob: file.blob });
  const read = chosen.length > 0 ? await reader.read(chosen) : [];
  let next = 0;
  // Desktop bytes are copied before they move into the worker (the platform may hold a view of a larger buffer).
  return batch.map((file) => (file.bytes ? file.bytes.slice() : read[next++]!));
}

/** Has the worker decode one batch of files; never rejects. */
async function decodeBatch(worker: WorkerClient, batch: readonly InputFile[], read: readonly ReadOutcome[]): Promise<BatchReply> {
  const reply: BatchReply = { opened: [], failed: [], prompts: [], estate: [] };
  const readable: { file: InputFile; bytes: Uint8Array }[] = [];
  read.forEach((bytes, i) => {
    const file = batch[i]!;
    if (bytes instanceof Uint8Array) readable.push({ file, bytes });
    else reply.failed.push({ fileName: file.name, message: bytes.message });
  });
  if (readable.length === 0) return reply;
  let outcomes: OpenOutcome[];
  try {
    outcomes = await worker.openBatch(readable.map(({ file, bytes }) => ({ fileName: file.name, bytes })));
  } catch (error) {
    for (const { file } of readable) reply.failed.push({ fileName: file.name, message: `${file.name} could not be opened: ${(error as Error).message}` });
    return reply;
  }
  readable.forEach(({ file }, i) => {
    const outcome = outcomes[i];
    if (!outcome) reply.failed.push({ fileName: file.name, message: `${file.name} could not be opened: no answer from the decoder.` });
    else if (outcome.status === 'opened') reply.opened.push({ docId: outcome.docId, fileName: file.name, summary: outcome.summary, ...(file.path ? { path: file.path } : {}) });
    else if (outcome.status === 'estate') reply.estate.push(file.name);
    else if (outcome.status === 'needs-password')
      reply.prompts.push({ pendingId: outcome.pendingId, fileName: outcome.fileName, wrongPassword: outcome.wrongPassword, message: outcome.message });
    else reply.failed.push({ fileName: file.name, message: outcome.message });
  });
  return reply;
}

/** What the rules check in a file: its shown certificate, else its request (-1), else nothing. */
function checkTarget(doc: OpenDocument): number | null {
  return doc.summary.certificates.length > 0 ? doc.certIndex : doc.summary.request ? -1 : null;
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function App({ platform, worker }: { platform: Platform; worker: WorkerClient }) {
  const [state, dispatch] = useReducer(workbenchReducer, initialWorkbench);
  const [role, setRole] = useState<RoleChoice>(initialRole);
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  const [verdicts, setVerdicts] = useState<Record<string, Verdict | undefined>>({});
  const [selectedCheck, setSelectedCheck] = useState<{ key: string; evaluation: EvaluationState } | null>(null);
  const [opening, setOpening] = useState(false);
  const hasDocuments = state.documents.length > 0;
  const [dragging, setDragging] = useState(false);
  const envBook = useEnvironmentBook();
  /** Bumped when files or pasted text joined the estate, so the Estate view asks the worker again. */
  const [estateRevision, setEstateRevision] = useState(0);
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
      if (result.failures.length > 0) dispatch({ type: 'failed-batch', failures: result.failures.map((f) => ({ fileName: f.name, message: f.message })) });
      const files = result.files as InputFile[];
      const total = files.length;
      if (total === 0) return;
      setOpening(true);
      dispatch({ type: 'busy', text: total > 1 ? `Opening 0 of ${formatCount(total)}…` : `Opening ${files[0]!.name}…` });
      // Many files per round trip, in a pipeline: while the worker decodes one batch, the next
      // ones are being read (the reader spaces the reads one task apart, so the list renders
      // and worker replies land in between); each decoded batch is one state update, so the
      // list grows as it goes. Batches go to the worker in order.
      const batches: InputFile[][] = [];
      for (let i = 0; i < total; ) {
        // The first two batches are small: the list appears at once, and the reader times one way of reading on each.
        const size = batches.length < 2 ? FIRST_BATCH : BATCH;
        batches.push(files.slice(i, i + size));
        i += size;
      }
      const reader = chosenFileReader();
      let posted: Promise<unknown> = Promise.resolve();
      const replies = batches.map((batch) => {
        const read = readBatch(reader, batch);
        // decodeBatch posts to the worker before its first await, and a promise's reactions
        // run in order, so batch b is posted before batch b + 1 can be.
        const ready = Promise.all([read, posted]);
        posted = ready;
        return ready.then(([bytes]) => decodeBatch(worker, batch, bytes));
      });
      let done = 0;
      try {
        for (let b = 0; b < batches.length; b++) {
          const reply = await replies[b]!;
          for (const prompt of reply.prompts) dispatch({ type: 'prompt', prompt });
          // One file: it is shown. A folder: its first file is shown and stays so while the rest arrive.
          dispatch({ type: 'opened-batch', files: reply.opened, select: total === 1 ? 'last' : b === 0 ? 'first' : 'keep' });
          dispatch({ type: 'failed-batch', failures: reply.failed });
          if (reply.estate.length > 0) {
            setEstateRevision((r) => r + 1);
            dispatch({ type: 'view', view: 'estate' });
          }
          done += batches[b]!.length;
          if (total > 1 && done < total) dispatch({ type: 'busy', text: `Opening ${formatCount(done)} of ${formatCount(total)}…` });
        }
      } finally {
        setOpening(false);
        dispatch({ type: 'busy', text: null });
      }
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
    async (text: string) => {
      // What a server printed (Get-ExchangeCertificate, Get-AuthConfig, …) goes to the estate;
      // the core decides (detectServerOutput) in the worker. Anything else opens as PEM / Base64.
      let added = false;
      try {
        added = await worker.estateAddText('Pasted text', text);
      } catch {
        added = false;
      }
      if (added) {
        setEstateRevision((r) => r + 1);
        dispatch({ type: 'view', view: 'estate' });
        return;
      }
      const name = /BEGIN [A-Z ]*REQUEST/.test(text) ? 'pasted.req' : 'pasted.pem';
      void openInputs({ files: [{ name, bytes: new TextEncoder().encode(text) }], failures: [] });
    },
    [openInputs, worker],
  );

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
      } else if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f' && hasDocuments && state.view === 'workbench' && !state.prompts.length) {
        // Find in the open files (the browser's own find stays on Ctrl+F when nothing is open).
        const filter = document.querySelector<HTMLInputElement>('input[aria-label="Filter documents"]');
        if (filter) {
          event.preventDefault();
          filter.focus();
          filter.select();
        }
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
  }, [openWithPicker, platform, services, state.prompts.length, state.view, hasDocuments]);

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
      if (files.length > 0) await openInputs(readBrowserFiles(files));
    };
    const onPaste = async (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length > 0) {
        e.preventDefault();
        await openInputs(readBrowserFiles(files));
        return;
      }
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (/-----BEGIN [A-Z0-9 ]+-----/.test(text) || /^[A-Za-z0-9+/=\s]{200,}$/.test(text.trim())) {
        e.preventDefault();
        void openText(text);
      } else if (text.trim()) {
        // Server output pasted anywhere outside a text field: the worker says whether it is.
        e.preventDefault();
        if (await worker.estateAddText('Pasted text', text).catch(() => false)) {
          setEstateRevision((r) => r + 1);
          dispatch({ type: 'view', view: 'estate' });
        }
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
  }, [openInputs, openText, worker]);

  // ---- evaluation ------------------------------------------------------------------------
  // The list shows a verdict per file, computed in the worker in batches in the background
  // (after the files have opened); the selected file gets the full check with its findings.
  const envKey = JSON.stringify(environment);
  const checkKey = `${role}\n${envKey}`;
  const verdictsDone = useRef<{ key: string; done: Map<string, number> }>({ key: '', done: new Map() });
  const evaluationCache = useRef(new Map<string, EvaluationState>());
  const checkKeyRef = useRef(checkKey);

  useEffect(() => {
    if (checkKeyRef.current === checkKey) return;
    // Another role or environment: the old verdicts no longer say anything.
    checkKeyRef.current = checkKey;
    setVerdicts({});
  }, [checkKey]);

  useEffect(() => {
    if (!capabilities?.rules || opening) return;
    if (verdictsDone.current.key !== checkKey) verdictsDone.current = { key: checkKey, done: new Map() };
    const done = verdictsDone.current.done;
    const todo = state.documents.flatMap((doc) => {
      const target = checkTarget(doc);
      return target === null || done.get(doc.docId) === target ? [] : [{ docId: doc.docId, certIndex: target }];
    });
    if (todo.length === 0) return;
    let cancelled = false;
    const at = new Date().toISOString();
    void (async () => {
      for (let i = 0; i < todo.length && !cancelled; i += VERDICT_BATCH) {
        const items = todo.slice(i, i + VERDICT_BATCH);
        let result: Record<string, Verdict>;
        try {
          result = await worker.verdicts(items, role, environment, at);
        } catch {
          return;
        }
        if (verdictsDone.current.key !== checkKey) return;
        for (const item of items) done.set(item.docId, item.certIndex);
        setVerdicts((v) => ({ ...v, ...result }));
      }
    })();
    return () => {
      cancelled = true;
    };
    // checkKey stands for role and environment
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [capabilities, state.documents, opening, checkKey, worker]);

  const selected = selectedDocument(state);
  const selectedTarget = selected ? checkTarget(selected) : null;
  // Other open files matter to a check (a thumbprint "among the files you checked") and to the
  // chain, hence the count — but not batch by batch while a folder opens: the first file is
  // checked when it shows and again once the whole folder is in, not after every batch.
  const openFiles = opening ? 'opening' : String(state.documents.length);
  const selectedKey = selected && selectedTarget !== null ? `${selected.docId}\n${selectedTarget}\n${openFiles}\n${checkKey}` : null;
  useEffect(() => {
    if (!capabilities?.rules || !selected || selectedTarget === null || !selectedKey) return;
    const cached = evaluationCache.current.get(selectedKey);
    if (cached) {
      setSelectedCheck({ key: selectedKey, evaluation: cached });
      return;
    }
    let cancelled = false;
    const docId = selected.docId;
    worker.evaluate(docId, selectedTarget, role, environment, new Date().toISOString()).then(
      (checked) => {
        const evaluation: EvaluationState = { state: 'done', result: checked.evaluation, trust: checked.trust };
        const cache = evaluationCache.current;
        cache.set(selectedKey, evaluation);
        if (cache.size > EVALUATION_CACHE) cache.delete(cache.keys().next().value!);
        if (cancelled) return;
        setSelectedCheck({ key: selectedKey, evaluation });
        const verdict = checked.evaluation.verdict;
        setVerdicts((v) => (v[docId] === verdict ? v : { ...v, [docId]: verdict }));
      },
      (error: Error) => !cancelled && setSelectedCheck({ key: selectedKey, evaluation: { state: 'error', message: error.message } }),
    );
    return () => {
      cancelled = true;
    };
    // selectedKey stands for the document, its certificate, role and environment
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [capabilities, selectedKey, worker]);

  // ---- the inspector's model --------------------------------------------------------------
  // The list holds summaries; the shown file's full model and chain come from the worker. The
  // previous file stays on screen for the round trip (a few ms) rather than flashing empty.
  const [inspected, setInspected] = useState<(InspectedFile & { docId: string }) | null>(null);
  const detailsCache = useRef(new Map<string, DocumentDetails>());
  // The chain runs through every open file, so opening or closing one can change it.
  const detailsKey = selected ? `${selected.docId}\n${selected.certIndex}\n${openFiles}` : null;
  useEffect(() => {
    if (!selected || !detailsKey) {
      setInspected(null);
      return;
    }
    const show = (details: DocumentDetails) =>
      setInspected({ docId: selected.docId, fileName: selected.fileName, headline: selected.summary.headline, certIndex: selected.certIndex, details });
    const cached = detailsCache.current.get(detailsKey);
    if (cached) {
      show(cached);
      return;
    }
    let cancelled = false;
    worker.details(selected.docId, selected.certIndex).then(
      (details) => {
        const cache = detailsCache.current;
        cache.set(detailsKey, details);
        if (cache.size > DETAILS_CACHE) cache.delete(cache.keys().next().value!);
        if (!cancelled) show(details);
      },
      // Closed meanwhile: the next selection brings its own.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // detailsKey stands for the document, its certificate and the open files
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detailsKey, worker]);

  // ---- layout ----------------------------------------------------------------------------
  const selectedEvaluation: EvaluationState = !capabilities
    ? { state: 'running' }
    : !capabilities.rules
      ? { state: 'unavailable' }
      : !selected || selectedTarget === null
        ? { state: 'none' }
        : selectedCheck?.key === selectedKey
          ? selectedCheck.evaluation
          : { state: 'running' };
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
          // Keyed by position, not name: a rename must not remount the form (the click that ended
          // the rename, e.g. on "Add Exchange server", would land on a button that is gone).
          key={`${envBook.book.environments.findIndex((e) => e.name === envBook.book.active)}-${envBook.revision}`}
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
          documents={state.documents}
          selectedDocId={state.selectedDocId}
        />
      );
      break;
    case 'report':
      centre = <ReportView available={capabilities?.reports ?? false} documents={state.documents} role={role} environment={environment} leftOut={state.failures} verdicts={verdicts} />;
      break;
    case 'estate':
      centre = (
        <EstateView
          documents={state.documents}
          environment={environment}
          revision={estateRevision}
          onOpen={() => void openWithPicker()}
          onSelectDocument={(docId, certIndex) => (dispatch({ type: 'select', docId }), dispatch({ type: 'select-cert', docId, certIndex }), dispatch({ type: 'view', view: 'workbench' }))}
          onUseEnvironment={envBook.importEnvironment}
        />
      );
      break;
    case 'collect':
      centre = <CollectView />;
      break;
    case 'compare':
      centre = <CompareView documents={state.documents} selectedDocId={state.selectedDocId} role={role} environment={environment} />;
      break;
    case 'plan':
      centre = <PlanView documents={state.documents} role={role} environment={environment} />;
      break;
    case 'troubleshoot':
      centre = <TroubleshootView documents={state.documents} role={role} environment={environment} />;
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
            {formatCount(state.documents.length)} file{state.documents.length === 1 ? '' : 's'} · env {envBook.book.active}
          </span>
        </footer>
        {dragging ? (
          <div className="drop-overlay" aria-hidden="true">
            Drop to open — read on this machine, never uploaded
          </div>
        ) : null}
        {prompt ? (
          <PasswordDialog prompt={prompt} busy={passwords.busy} position={passwords.position} onSubmit={(pw, rest) => void passwords.submit(pw, rest)} onCancel={passwords.cancel} />
        ) : null}
      </div>
    </ServicesContext.Provider>
  );
}
