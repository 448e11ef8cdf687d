// The workbench state as a reducer: which files are open, which is selected, which PFX files
// wait for a password, which view is shown. Pure, so it is tested without a browser.
import type { DecodedDocument } from '../../shared/model/document.js';
import { primaryCertificateIndex } from '../lib/document.js';

export type View = 'workbench' | 'request' | 'commands' | 'report' | 'environment' | 'thumbprint' | 'rules' | 'about';

export interface OpenDocument {
  docId: string;
  fileName: string;
  path?: string;
  document: DecodedDocument;
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
};

export type WorkbenchAction =
  | { type: 'opened'; docId: string; fileName: string; path?: string; document: DecodedDocument }
  | { type: 'failed'; fileName: string; message: string }
  | { type: 'dismiss-failure'; key: string }
  | { type: 'close'; docId: string }
  | { type: 'select'; docId: string }
  | { type: 'select-cert'; docId: string; certIndex: number }
  | { type: 'move-selection'; delta: number }
  | { type: 'prompt'; prompt: PasswordPrompt }
  | { type: 'prompt-done'; pendingId: string }
  | { type: 'view'; view: View }
  | { type: 'busy'; text: string | null }
  | { type: 'notice'; text: string; tone: 'ok' | 'error' }
  | { type: 'clear-notice' }
  | { type: 'highlight'; field: string | null };

let failureCounter = 0;

export function workbenchReducer(state: WorkbenchState, action: WorkbenchAction): WorkbenchState {
  switch (action.type) {
    case 'opened': {
      const doc: OpenDocument = {
        docId: action.docId,
        fileName: action.fileName,
        document: action.document,
        certIndex: Math.max(0, primaryCertificateIndex(action.document)),
        ...(action.path ? { path: action.path } : {}),
      };
      return {
        ...state,
        documents: [...state.documents, doc],
        selectedDocId: action.docId,
        failures: state.failures.filter((f) => f.fileName !== action.fileName),
        view: state.view === 'workbench' || state.documents.length === 0 ? 'workbench' : state.view,
        highlightField: null,
      };
    }
    case 'failed':
      return {
        ...state,
        failures: [...state.failures.filter((f) => f.fileName !== action.fileName), { key: `f${++failureCounter}`, fileName: action.fileName, message: action.message }],
      };
    case 'dismiss-failure':
      return { ...state, failures: state.failures.filter((f) => f.key !== action.key) };
    case 'close': {
      const index = state.documents.findIndex((d) => d.docId === action.docId);
      if (index < 0) return state;
      const documents = state.documents.filter((d) => d.docId !== action.docId);
      const selectedDocId =
        state.selectedDocId === action.docId ? (documents[Math.min(index, documents.length - 1)]?.docId ?? null) : state.selectedDocId;
      return { ...state, documents, selectedDocId, highlightField: null };
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
      if (state.documents.length === 0) return state;
      const index = state.documents.findIndex((d) => d.docId === state.selectedDocId);
      const next = Math.min(state.documents.length - 1, Math.max(0, (index < 0 ? 0 : index) + action.delta));
      return { ...state, selectedDocId: state.documents[next]!.docId, highlightField: null };
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
  }
}

export function selectedDocument(state: WorkbenchState): OpenDocument | null {
  return state.documents.find((d) => d.docId === state.selectedDocId) ?? null;
}
