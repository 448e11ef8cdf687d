// Entry: pick the platform (desktop preload or browser), start the decoder worker, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { detectPlatform } from './platform/detect.js';
import { createWorkerClient } from './worker/client.js';
import './styles/app.css';

const worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module', name: 'certbench-decoder' });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App platform={detectPlatform()} worker={createWorkerClient(worker)} />
  </StrictMode>,
);
