// The platform and the worker client, handed down once instead of through every prop.
import { createContext, useContext } from 'react';
import type { Platform } from '../platform/platform.js';
import type { WorkerClient } from '../worker/client.js';

export interface AppServices {
  platform: Platform;
  worker: WorkerClient;
  /** "Now" for days-left and evaluations; fixed in tests through ?at=ISO. */
  now: () => Date;
  notify(text: string, tone?: 'ok' | 'error'): void;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext missing');
  return services;
}
