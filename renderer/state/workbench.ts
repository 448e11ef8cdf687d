// The workbench state as a reducer: which files are open, which is selected, which PFX files
// wait for a password, which view is shown. Pure, so it is tested without a browser.
import type { DocumentSummary } from '../lib/documentSummary.js';

export type View = 'workbench' | 'request' | 'commands' | 'report' | 'environment' | 'thumbprint' | 'rules' | 'about' | 'estate' | 'collect' | 'compare' | 'plan' | 'troubleshoot';

export interface OpenDocument {
  docId: string;
  fileName: string;
  path?: string;
  /** What the list shows and filters on; the worker holds the full model. */
  summary: DocumentSummary;
  /** Which certificate of the file the inspector shows. */
  certIndex: number;
}

export interface FailedFile {
  key: string;
  fileName: string;
  message: string;
}

export interface PasswordPrompt {
  pendingId: string;
  fileName: string;
  wrongPassword: boolean;
  message: string;
}

export interface WorkbenchState {
  documents: OpenDocument[];
  selectedDocId: string | null;
  failures: FailedFile[];
  prompts: PasswordPrompt[];
  view: View;
  busy: string | null;
  notice: { text: string; tone: 'ok' | 'error' } | null;
  /** The inspector field a selected finding points to. */
  highlightField: string | null;
  /**
   * Open CA files the user trusts for checks in this session (docIds, in the order marked): the
   * worker uses their certificates as trust anchors, as the CLI uses its trusted-CA files.
   */
  trustedDocIds: string[];
}

export const initialWorkbench: WorkbenchState = {
  documents: [],
  selectedDocId: null,
  failures: [],
  prompts: [],
  view: 'workbench',
  busy: null,
  notice: null,
  highlightField: null,
  trustedDocIds: [],
};

/** Which file is selected after a batch opens: its first (a new folder), its last (one by one, the default) or the one selected before. */
export type SelectAfterOpen = 'first' | 'last' | 'keep';

/** One opened file, as the worker returned it. */
export interface OpenedFile {
  docId: string;
  fileName: string;
  path?: string;
  summary: DocumentSummary;
}

export type WorkbenchAction =
  | ({ type: 'opened' } & OpenedFile)
  /** Many files at once: one state update per batch, so opening 5,000 files is not O(n²). */
  | { type: 'opened-batch'; files: OpenedFile[]; select?: SelectAfterOpen }
  | { type: 'failed'; fileName: string; message: string }
  | { type: 'failed-batch'; failures: { fileName: string; message: string }[] }
  | { type: 'dismiss-failure'; key: string }
  | { type: 'close'; docId: string }
  | { type: 'select'; docId: string }
  | { type: 'select-cert'; docId: string; certIndex: number }
  /** Arrow keys; `order` is the list as shown (filtered), else all documents. */
  | { type: 'move-selection'; delta: number; order?: readonly string[] }
  | { type: 'prompt'; prompt: PasswordPrompt }
  | { type: 'prompt-done'; pendingId: string }
  | { type: 'view'; view: View }
  | { type: 'busy'; text: string | null }
  | { type: 'notice'; text: string; tone: 'ok' | 'error' }
  | { type: 'clear-notice' }
  | { type: 'highlight'; field: string | null }
  | { type: 'trust-root'; docId: string; trusted: boolean };

let failureCounter = 0;

export function workbenchReducer(state: WorkbenchState, action: WorkbenchAction): WorkbenchState {
  switch (action.type) {
    case 'opened':
      return openFiles(state, [action]);
    case 'opened-batch':
      return openFiles(state, action.files, action.select ?? 'last');
    case 'failed':
      return addFailures(state, [action]);
    case 'failed-batch':
      return addFailures(state, action.failures);
    case 'dismiss-failure':
      return { ...state, failures: state.failures.filter((f) => f.key !== action.key) };
    case 'close': {
      const index = state.documents.findIndex((d) => d.docId === action.docId);
      if (index < 0) return state;
      const documents = state.documents.filter((d) => d.docId !== action.docId);
      const selectedDocId =
        state.selectedDocId === action.docId ? (documents[Math.min(index, documents.length - 1)]?.docId ?? null) : state.selectedDocId;
      const trustedDocIds = state.trustedDocIds.includes(action.docId) ? state.trustedDocIds.filter((id) => id !== action.docId) : state.trustedDocIds;
      return { ...state, documents, selectedDocId, highlightField: null, trustedDocIds };
    }
    case 'select':
      return { ...state, selectedDocId: action.docId, view: 'workbench', highlightField: null };
    case 'select-cert':
      return {
        ...state,
        documents: state.documents.map((d) => (d.docId === action.docId ? { ...d, certIndex: action.certIndex } : d)),
        highlightField: null,
      };
    case 'move-selection': {
      const order = action.order ?? state.documents.map((d) => d.docId);
      if (order.length === 0) return state;
      const index = state.selectedDocId === null ? -1 : order.indexOf(state.selectedDocId);
      const next = index < 0 ? (action.delta < 0 ? order.length - 1 : 0) : Math.min(order.length - 1, Math.max(0, index + action.delta));
      if (order[next] === state.selectedDocId) return state;
      return { ...state, selectedDocId: order[next]!, highlightField: null };
    }
    case 'prompt':
      return {
        ...state,
        prompts: state.prompts.some((p) => p.pendingId === action.prompt.pendingId)
          ? state.prompts.map((p) => (p.pendingId === action.prompt.pendingId ? action.prompt : p))
          : [...state.prompts, action.prompt],
      };
    case 'prompt-done':
      return { ...state, prompts: state.prompts.filter((p) => p.pendingId !== action.pendingId) };
    case 'view':
      return { ...state, view: action.view };
    case 'busy':
      return { ...state, busy: action.text };
    case 'notice':
      return { ...state, notice: { text: action.text, tone: action.tone } };
    case 'clear-notice':
      return { ...state, notice: null };
    case 'highlight':
      return { ...state, highlightField: action.field };
    case 'trust-root': {
      const marked = state.trustedDocIds.includes(action.docId);
      if (marked === action.trusted || (action.trusted && !state.documents.some((d) => d.docId === action.docId))) return state;
      return { ...state, trustedDocIds: action.trusted ? [...state.trustedDocIds, action.docId] : state.trustedDocIds.filter((id) => id !== action.docId) };
    }
  }
}

function openFiles(state: WorkbenchState, files: readonly OpenedFile[], select: SelectAfterOpen = 'last'): WorkbenchState {
  if (files.length === 0) return state;
  const added: OpenDocument[] = files.map((file) => ({
    docId: file.docId,
    fileName: file.fileName,
    summary: file.summary,
    certIndex: Math.max(0, file.summary.primaryIndex),
    ...(file.path ? { path: file.path } : {}),
  }));
  const openedNames = new Set(files.map((f) => f.fileName));
  return {
    ...state,
    documents: state.documents.concat(added),
    selectedDocId:
      select === 'first' ? added[0]!.docId : select === 'keep' && state.selectedDocId !== null ? state.selectedDocId : added[added.length - 1]!.docId,
    failures: state.failures.some((f) => openedNames.has(f.fileName)) ? state.failures.filter((f) => !openedNames.has(f.fileName)) : state.failures,
    view: state.view === 'workbench' || state.documents.length === 0 ? 'workbench' : state.view,
    highlightField: null,
  };
}

function addFailures(state: WorkbenchState, failures: readonly { fileName: string; message: string }[]): WorkbenchState {
  if (failures.length === 0) return state;
  const names = new Set(failures.map((f) => f.fileName));
  return {
    ...state,
    failures: [...state.failures.filter((f) => !names.has(f.fileName)), ...failures.map((f) => ({ key: `f${++failureCounter}`, fileName: f.fileName, message: f.message }))],
  };
}

export function selectedDocument(state: WorkbenchState): OpenDocument | null {
  return state.documents.find((d) => d.docId === state.selectedDocId) ?? null;
}
