// What the views that look across the open files (Compare, Plan, Troubleshoot) are given.
import type { Environment } from '../../shared/environment/types.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { OpenDocument } from '../state/workbench.js';

export interface OpenDocumentsViewProps {
  documents: readonly OpenDocument[];
  role: RoleChoice;
  environment: Environment;
  /** The roots marked "Trust this root" for the session, as the inspector uses them. */
  trustedDocIds?: readonly string[];
}
