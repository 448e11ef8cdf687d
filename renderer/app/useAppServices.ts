// What every view gets through ServicesContext: the platform, the worker, the clock and the
// notice in the status bar (which clears itself: 4 s, errors 8 s).
import { useMemo, useRef, type Dispatch } from 'react';
import type { AppServices } from '../components/context.js';
import type { Platform } from '../platform/platform.js';
import type { WorkbenchAction } from '../state/workbench.js';
import type { WorkerClient } from '../worker/client.js';

export function useAppServices(platform: Platform, worker: WorkerClient, dispatch: Dispatch<WorkbenchAction>): AppServices {
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  return useMemo<AppServices>(
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
    [platform, worker, dispatch],
  );
}
